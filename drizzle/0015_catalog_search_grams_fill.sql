-- publications.search_grams: the distinct 1–2 character substrings of search_text, leaving out the
-- characters that separate search terms (space, tab, CR, LF, U+3000, ",", "，", ";", "；").
-- The application computes it in TypeScript (src/catalog/searchGrams.ts, the same set) and writes it
-- with search_text; this function fills it for rows written by SQL alone (and for the rows that
-- exist when this migration runs), so no row is ever left unsearchable by a 1–2 character term.
CREATE FUNCTION catalog_search_grams(t text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  c text[] := string_to_array(translate(t, E'\t\n\r\u3000,，;；', '        '), NULL);
  n int := coalesce(array_length(c, 1), 0);
  grams text[] := '{}';
BEGIN
  FOR i IN 1..n LOOP
    IF c[i] <> ' ' THEN
      grams := grams || c[i];
      IF i < n AND c[i + 1] <> ' ' THEN
        grams := grams || (c[i] || c[i + 1]);
      END IF;
    END IF;
  END LOOP;
  RETURN ARRAY(SELECT DISTINCT g FROM unnest(grams) AS g);
END;
$$;
--> statement-breakpoint
-- Fills search_grams when a writer leaves it out (null), or changes search_text without it.
CREATE FUNCTION publications_search_grams_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.search_grams IS NULL
     OR (TG_OP = 'UPDATE' AND NEW.search_text IS DISTINCT FROM OLD.search_text
         AND NEW.search_grams IS NOT DISTINCT FROM OLD.search_grams) THEN
    NEW.search_grams := catalog_search_grams(NEW.search_text);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER publications_search_grams_fill BEFORE INSERT OR UPDATE OF search_text, search_grams
  ON publications FOR EACH ROW EXECUTE FUNCTION publications_search_grams_fill();
--> statement-breakpoint
UPDATE publications SET search_grams = catalog_search_grams(search_text) WHERE search_grams IS NULL;
