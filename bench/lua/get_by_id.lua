-- GET /api/tickets/{id}/ for random ids among the seeded tickets.
local max_id = tonumber(os.getenv("BENCH_TICKETS") or "100000")
request = function()
  return wrk.format("GET", "/api/tickets/" .. math.random(1, max_id) .. "/")
end
