-- POST the partner listing with a new, unused variable on every request: the response cache
-- is keyed by query and variables, so no request can be answered from it.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

-- The query as a JSON string literal, set by tests/bench/run.py.
local query = os.getenv("BENCH_GRAPHQL_QUERY_JSON")
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function request()
  counter = counter + 1
  local body = '{"query": ' .. query .. ', "variables": {"nonce": "' ..
    tostring(id) .. "-" .. counter .. '"}}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
