-- wrk's done() hook for every scenario: one JSON line that tests/bench/run.py reads.
-- Latencies are in microseconds, as wrk measures them.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %d, "max_us": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, summary.duration, summary.bytes,
    math.floor(latency:percentile(50)), math.floor(latency:percentile(95)),
    math.floor(latency:percentile(99)), math.floor(latency.mean), math.floor(latency.max),
    e.connect, e.read, e.write, e.status, e.timeout))
end
