-- Gives every seeded ticket the triaged values an earlier triager would have left (SQLite; run by seed.sql,
-- and again by bench/run.sh before each re-triage run, so every run starts from the same state). The mix is
-- a desk's, drawn deterministically from the id: priority LOW 20%, NORMAL 58%, HIGH 17%, URGENT 5%;
-- sentiment NEGATIVE 25%, NEUTRAL 60%, POSITIVE 15%; category from the title's first word; 3% of the
-- priorities were set by a person (source "human", which a re-triage must keep). The triage record has the
-- shape the service stores (docs/triage.md, "Output").
CREATE TEMP TABLE IF NOT EXISTS seed_categories (w TEXT PRIMARY KEY, category TEXT NOT NULL);
INSERT OR IGNORE INTO seed_categories (w, category) VALUES
 ('printer','HARDWARE'),('vpn','NETWORK'),('password','ACCOUNT'),('invoice','BILLING'),('laptop','HARDWARE'),
 ('outlook','EMAIL'),('wifi','NETWORK'),('badge','ACCOUNT'),('email','EMAIL'),('crash','SOFTWARE'),('slow','SOFTWARE'),
 ('login','ACCOUNT'),('reset','ACCOUNT'),('missing','OTHER'),('timeout','NETWORK'),('monitor','HARDWARE'),
 ('keyboard','HARDWARE'),('license','SOFTWARE'),('upgrade','SOFTWARE'),('payroll','BILLING'),('access','ACCOUNT'),
 ('denied','ACCOUNT'),('error','SOFTWARE'),('blue','HARDWARE'),('screen','HARDWARE'),('battery','HARDWARE'),
 ('charger','HARDWARE'),('phone','HARDWARE'),('teams','SOFTWARE'),('meeting','OTHER'),('calendar','EMAIL'),
 ('sync','EMAIL'),('backup','SOFTWARE'),('restore','SOFTWARE'),('disk','HARDWARE'),('full','OTHER'),
 ('network','NETWORK'),('drive','HARDWARE'),('share','NETWORK'),('permission','ACCOUNT'),('install','SOFTWARE'),
 ('update','SOFTWARE'),('failed','OTHER'),('browser','SOFTWARE'),('certificate','NETWORK'),('expired','ACCOUNT'),
 ('mfa','ACCOUNT'),('token','ACCOUNT'),('account','ACCOUNT'),('locked','ACCOUNT'),('scanner','HARDWARE'),
 ('toner','HARDWARE'),('jam','HARDWARE'),('floor','OTHER'),('office','OTHER'),('remote','NETWORK'),
 ('desktop','HARDWARE'),('audio','HARDWARE'),('camera','HARDWARE'),('database','SOFTWARE');

BEGIN;
WITH d AS (
  SELECT t.id,
         substr(t.title, 1, instr(t.title, ' ') - 1) AS word,
         strftime('%Y-%m-%dT%H:%M:%S', t.created / 1000000, 'unixepoch') || '.000000Z' AS at,
         (t.id * 2654435761) % 4294967296 % 100 AS p,
         (t.id * 2246822519) % 4294967296 % 100 AS s,
         (t.id * 3266489917) % 4294967296 % 100 AS h,
         0.55 + ((t.id * 668265263) % 4294967296 % 45) / 100.0 AS c
  FROM tickets t
), v AS (
  SELECT d.*, coalesce(sc.category, 'OTHER') AS category,
         CASE WHEN p < 20 THEN 0 WHEN p < 78 THEN 1 WHEN p < 95 THEN 2 ELSE 3 END AS priority,
         CASE WHEN s < 25 THEN 'NEGATIVE' WHEN s < 85 THEN 'NEUTRAL' ELSE 'POSITIVE' END AS sentiment
  FROM d LEFT JOIN seed_categories sc ON sc.w = d.word
)
UPDATE tickets SET
  priority = v.priority, category = v.category, sentiment = v.sentiment,
  triage = json_object(
    'status', 'done', 'triaged_at', v.at,
    'category', json_object('value', v.category, 'confidence', round(v.c, 2), 'reason', 'mentions "' || v.word || '"', 'source', 'rules'),
    'priority', CASE WHEN v.h < 3
      THEN json_object('value', CASE v.priority WHEN 0 THEN 'LOW' WHEN 1 THEN 'NORMAL' WHEN 2 THEN 'HIGH' ELSE 'URGENT' END, 'confidence', 1, 'reason', 'set by a person', 'source', 'human')
      ELSE json_object('value', CASE v.priority WHEN 0 THEN 'LOW' WHEN 1 THEN 'NORMAL' WHEN 2 THEN 'HIGH' ELSE 'URGENT' END, 'confidence', round(v.c - 0.1, 2), 'reason', 'mentions "issue"', 'source', 'rules') END,
    'sentiment', json_object('value', v.sentiment, 'confidence', round(v.c, 2), 'reason', 'mentions "problems"', 'source', 'rules'))
FROM v WHERE v.id = tickets.id;
COMMIT;
