/**
 * A request's query as plain values for a route's query schema. A repeated parameter's values are
 * joined with commas (status=a&status=b is status=a,b, as the tracking table's links write lists);
 * an empty value (page=) counts as absent.
 */
export function queryValues(url: URL): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const joined = url.searchParams
      .getAll(key)
      .filter((value) => value !== "")
      .join(",");
    if (joined) values[key] = joined;
  }
  return values;
}
