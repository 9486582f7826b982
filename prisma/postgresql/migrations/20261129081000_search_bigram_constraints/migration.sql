-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- A two-character search (common in Chinese) has no trigram for pg_trgm to look up: the search
-- documents' two-character pieces get an index of their own (lib/tracking/item-sql.ts uses it).
CREATE FUNCTION "search_bigrams"(t TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS E'SELECT COALESCE(array_agg(DISTINCT substr(lower(t), i, 2)), ''{}'') FROM generate_series(1, char_length(t) - 1) AS i';
CREATE INDEX "SearchDocument_text_bigrams" ON "SearchDocument" USING gin ("search_bigrams"("text"));
