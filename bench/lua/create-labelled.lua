-- POST /api/tickets/ with the held-out labelled tickets' own words (eval/triage/holdout.jsonl: title,
-- description, requester name), one after another, so triage meets varied real texts rather than one body.
-- The labels and ids are stripped: a category or priority in the body would be a person's value, not triaged.
local bodies = {}
local next_body = 1

function init(args)
  for line in io.lines(args[1]) do
    local body = line:gsub('"id": "[^"]*", ', '')
    for _, field in ipairs({ "category", "priority", "sentiment" }) do
      body = body:gsub(', "' .. field .. '": "[A-Z_]*"', '')
    end
    bodies[#bodies + 1] = body
  end
  next_body = math.random(#bodies)
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format("POST", "/api/tickets/", { ["Content-Type"] = "application/json" }, body)
end
