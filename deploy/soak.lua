-- wrk script for `make soak`: a partner mix read from SOAK_REQUESTS (one request a line:
-- METHOD<TAB>PATH<TAB>BODY), status counts, and 5xx other than 503 no-store counted apart,
-- with the first and last second a 503 no-store was seen (the outage's window).
local requests = {}
local threads = {}
-- Globals: done() reads them from each thread with thread:get().
counts, bad, ok503, first_error, last_error, first_503, last_503 = {}, 0, 0, 0, 0, 0, 0

local function load()
   for line in io.lines(os.getenv("SOAK_REQUESTS")) do
      local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
      if method then
         requests[#requests + 1] = { method = method, path = path, body = body }
      end
   end
end

function setup(thread)
   thread:set("id", #threads + 1)
   threads[#threads + 1] = thread
end

function init(args)
   load()
   math.randomseed(os.time() + id)
end

function request()
   local r = requests[math.random(#requests)]
   if r.method == "POST" then
      -- A comment with a fresh number: a new document, so no cache can answer it.
      local body = r.body:gsub("NONCE", tostring(math.random(1, 1000000000)))
      return wrk.format("POST", r.path, { ["Content-Type"] = "application/json" }, body)
   end
   return wrk.format("GET", r.path)
end

function response(status, headers, body)
   counts[status] = (counts[status] or 0) + 1
   if status >= 500 then
      local cache_control = headers["Cache-Control"] or headers["cache-control"] or ""
      if status == 503 and cache_control:find("no-store", 1, true) then
         ok503 = ok503 + 1
         if first_503 == 0 then first_503 = os.time() end
         last_503 = os.time()
      else
         bad = bad + 1
      end
   end
   if status >= 500 or status == 0 then
      local now = os.time()
      if first_error == 0 then first_error = now end
      last_error = now
   end
end

function done(summary, latency, _)
   local statuses, total_bad, total_ok503, first, last = {}, 0, 0, 0, 0
   local first503, last503 = 0, 0
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("counts")) do
         statuses[status] = (statuses[status] or 0) + count
      end
      total_bad = total_bad + thread:get("bad")
      total_ok503 = total_ok503 + thread:get("ok503")
      local f, l = thread:get("first_error"), thread:get("last_error")
      if f > 0 and (first == 0 or f < first) then first = f end
      if l > last then last = l end
      local f5, l5 = thread:get("first_503"), thread:get("last_503")
      if f5 > 0 and (first503 == 0 or f5 < first503) then first503 = f5 end
      if l5 > last503 then last503 = l5 end
   end
   local parts = {}
   for status, count in pairs(statuses) do
      parts[#parts + 1] = string.format('"%d": %d', status, count)
   end
   io.write(string.format(
      'SOAK {"requests": %d, "duration_us": %d, "socket_errors": %d, "timeouts": %d, '
         .. '"statuses": {%s}, "bad_5xx": %d, "ok_503_no_store": %d, '
         .. '"p50_ms": %.1f, "p95_ms": %.1f, "p99_ms": %.1f, "max_ms": %.1f, '
         .. '"first_error": %d, "last_error": %d, "first_503": %d, "last_503": %d}\n',
      summary.requests, summary.duration,
      summary.errors.connect + summary.errors.read + summary.errors.write,
      summary.errors.timeout, table.concat(parts, ", "), total_bad, total_ok503,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, first, last, first503, last503))
end
