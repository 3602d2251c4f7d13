-- wrk script of the load test: each request takes the next path of
-- KIM_BENCH_PATHS (space-separated) in turn; non-2xx answers are counted.
local paths = {}
for path in string.gmatch(os.getenv("KIM_BENCH_PATHS") or "/", "%S+") do
  paths[#paths + 1] = path
end
local threads = {}
local counter = 0
non2xx = 0

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("non2xx")
  end
  local errors = summary.errors
  io.write(string.format(
    "KIM requests=%d non2xx=%d errors=%d rps=%.1f p50_ms=%.1f p99_ms=%.1f\n",
    summary.requests, total,
    errors.connect + errors.read + errors.write + errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
