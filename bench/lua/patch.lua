-- PATCH /api/tickets/{id}/ of a random seeded ticket's title: a version-checked write of one row (and,
-- since the audit trail, its audit and event rows in the same transaction).
local max_id = tonumber(os.getenv("BENCH_TICKETS") or "100000")
local n = 0
request = function()
  n = n + 1
  local body = '{"title":"Benchmark edit ' .. n .. '"}'
  return wrk.format("PATCH", "/api/tickets/" .. math.random(1, max_id) .. "/", { ["Content-Type"] = "application/json" }, body)
end
