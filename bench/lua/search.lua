-- A search page, rotating through terms of different frequency so no single cached answer dominates.
local terms = { "printer", "vpn%20timeout", "password", "invoice%20missing", "laptop", "outlook%20crash", "wifi", "badge" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/tickets/?search=" .. terms[(i % #terms) + 1])
end
