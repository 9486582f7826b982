// The API's lists in a query ("a,b"), for routes declaring their parameters.
export { commaList } from "@/lib/tracking/search-params";
