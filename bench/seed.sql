-- Seeds :n tickets straight into SQLite (triggers keep the FTS index and counters in step). Run from the
-- repository root (bench/run.sh does): the triaged values come from bench/seed-triage.sql, read by path.
-- Words: 60 support terms for titles, 2,000 synthetic tokens mixed into descriptions, so a search
-- for a real term matches roughly 2-5% of tickets, as a busy desk's common words would.
CREATE TEMP TABLE words (i INTEGER PRIMARY KEY, w TEXT NOT NULL);
INSERT INTO words (i, w) VALUES
 (0,'printer'),(1,'vpn'),(2,'password'),(3,'invoice'),(4,'laptop'),(5,'outlook'),(6,'wifi'),(7,'badge'),(8,'email'),
 (9,'crash'),(10,'slow'),(11,'login'),(12,'reset'),(13,'missing'),(14,'timeout'),(15,'monitor'),(16,'keyboard'),
 (17,'license'),(18,'upgrade'),(19,'payroll'),(20,'access'),(21,'denied'),(22,'error'),(23,'blue'),(24,'screen'),
 (25,'battery'),(26,'charger'),(27,'phone'),(28,'teams'),(29,'meeting'),(30,'calendar'),(31,'sync'),(32,'backup'),
 (33,'restore'),(34,'disk'),(35,'full'),(36,'network'),(37,'drive'),(38,'share'),(39,'permission'),(40,'install'),
 (41,'update'),(42,'failed'),(43,'browser'),(44,'certificate'),(45,'expired'),(46,'mfa'),(47,'token'),(48,'account'),
 (49,'locked'),(50,'scanner'),(51,'toner'),(52,'jam'),(53,'floor'),(54,'office'),(55,'remote'),(56,'desktop'),
 (57,'audio'),(58,'camera'),(59,'database');
CREATE TEMP TABLE seq (n INTEGER PRIMARY KEY);
WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < :n) INSERT INTO seq SELECT n FROM c;

-- Random draws per row first: an uncorrelated scalar subquery would be evaluated once for all rows.
CREATE TEMP TABLE draws AS
SELECT n, abs(random()) % 60 AS a, abs(random()) % 60 AS b, abs(random()) % 60 AS c, abs(random()) % 60 AS d,
       abs(random()) % 60 AS e, abs(random()) % 60 AS f, abs(random()) % 3 AS s
FROM seq;

BEGIN;
INSERT INTO tickets (title, description, created, updated, resolution_status, version)
SELECT
  wa.w || ' ' || wb.w || ' ' || wc.w || ' issue ' || r.n,
  'User reports ' || wd.w || ' and ' || we.w || ' problems; ref tok' || (abs(random()) % 2000) ||
  ' tok' || (abs(random()) % 2000) || ' tok' || (abs(random()) % 2000) || ' tok' || (abs(random()) % 2000) ||
  '. Seen on ' || wf.w || ' since last week.',
  (1704067200 + r.n * 30) * 1000000,          -- created: 2024-01-01 UTC plus 30 s per ticket, in microseconds
  (1704067200 + r.n * 30 + 3600) * 1000000,
  CASE r.s WHEN 0 THEN 'OPEN' WHEN 1 THEN 'RESOLVED' ELSE 'CLOSED' END,
  1
FROM draws r
JOIN words wa ON wa.i = r.a JOIN words wb ON wb.i = r.b JOIN words wc ON wc.i = r.c
JOIN words wd ON wd.i = r.d JOIN words we ON we.i = r.e JOIN words wf ON wf.i = r.f
ORDER BY r.n;
COMMIT;
-- Triaged values (priority, category, sentiment, the triage record) as an earlier triager left them.
.read bench/seed-triage.sql
PRAGMA optimize;
