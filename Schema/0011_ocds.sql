-- OCDS (Open Contracting Data Standard) for government deals: the contracting
-- process id a procurement portal gave the deal, and where a stage entry came
-- from. `dchain import ocds` matches deals by ocid and records, on each stage
-- entry it writes, the release it came from (so importing the same package
-- again changes nothing); a failed tender (流标) is a stage entry marked
-- `failed-tender`: the deal goes back to preparing the tender documents.

-- Unique per account (keys include account_id: the Citus rule); a look-up by
-- ocid alone, as `import ocds` makes it, uses its own index.
ALTER TABLE deal ADD COLUMN ocid text
    CHECK (ocid IS NULL OR (ocid = btrim(ocid) AND ocid <> '' AND ocid !~ '[[:cntrl:]]'));
ALTER TABLE deal ADD CONSTRAINT deal_ocid_key UNIQUE (account_id, ocid);
CREATE INDEX deal_ocid_idx ON deal (ocid) WHERE ocid IS NOT NULL;

-- What happened with the entry beyond "the deal entered the stage".
ALTER TABLE deal_stage_history ADD COLUMN event text CHECK (event IN ('failed-tender'));
-- Where the entry came from when not typed by a rep: `ocds:<ocid>/<release id>`.
ALTER TABLE deal_stage_history ADD COLUMN source text CHECK (source IS NULL OR btrim(source) <> '');
CREATE INDEX deal_stage_history_source_idx ON deal_stage_history (account_id, deal_id, source) WHERE source IS NOT NULL;
