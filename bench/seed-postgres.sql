-- Seeds :n tickets into PostgreSQL with the same word mix as seed.sql (60 support terms in titles,
-- 2,000 synthetic tokens in descriptions), so both stores answer the same searches at the same sizes.
-- The generated search column and the GIN indexes are filled by the INSERT itself. The status counters'
-- trigger is paused for the bulk insert (100,000 updates of one row in one transaction walk an ever
-- longer version chain) and the counters are recomputed once at the end.
ALTER TABLE tickets DISABLE TRIGGER ticket_counts_follow;
CREATE TEMP TABLE words AS
SELECT (ordinality - 1)::int AS i, w
FROM unnest(ARRAY['printer','vpn','password','invoice','laptop','outlook','wifi','badge','email',
 'crash','slow','login','reset','missing','timeout','monitor','keyboard',
 'license','upgrade','payroll','access','denied','error','blue','screen',
 'battery','charger','phone','teams','meeting','calendar','sync','backup',
 'restore','disk','full','network','drive','share','permission','install',
 'update','failed','browser','certificate','expired','mfa','token','account',
 'locked','scanner','toner','jam','floor','office','remote','desktop',
 'audio','camera','database']) WITH ORDINALITY AS t(w, ordinality);

INSERT INTO tickets (title, description, created, updated, resolution_status, version)
SELECT
  wa.w || ' ' || wb.w || ' ' || wc.w || ' issue ' || r.n,
  'User reports ' || wd.w || ' and ' || we.w || ' problems; ref tok' || floor(random() * 2000)::int ||
  ' tok' || floor(random() * 2000)::int || ' tok' || floor(random() * 2000)::int || ' tok' || floor(random() * 2000)::int ||
  '. Seen on ' || wf.w || ' since last week.',
  to_timestamp(1704067200 + r.n * 30),          -- created: 2024-01-01 UTC plus 30 s per ticket
  to_timestamp(1704067200 + r.n * 30 + 3600),
  (ARRAY['OPEN', 'RESOLVED', 'CLOSED'])[1 + r.s],
  1
FROM (SELECT n, floor(random() * 60)::int AS a, floor(random() * 60)::int AS b, floor(random() * 60)::int AS c,
             floor(random() * 60)::int AS d, floor(random() * 60)::int AS e, floor(random() * 60)::int AS f,
             floor(random() * 3)::int AS s
      FROM generate_series(1, :n) AS n) AS r
JOIN words wa ON wa.i = r.a JOIN words wb ON wb.i = r.b JOIN words wc ON wc.i = r.c
JOIN words wd ON wd.i = r.d JOIN words we ON we.i = r.e JOIN words wf ON wf.i = r.f
ORDER BY r.n;
-- Triaged values (priority, category, sentiment, the triage record) as an earlier triager left them.
\ir seed-triage-postgres.sql
ALTER TABLE tickets ENABLE TRIGGER ticket_counts_follow;
UPDATE ticket_counts c SET n = (SELECT count(*) FROM tickets t WHERE t.resolution_status = c.resolution_status);
VACUUM ANALYZE tickets;
VACUUM ANALYZE ticket_counts;
