-- POST /api/tickets/ with a realistic body.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title":"Benchmark: printer on floor 3 jams","description":"It has been broken since Monday; paper jams after two pages."}'
