-- wrk script: GET /onboarding/vips at a constant rate (open model), one connection per thread.
-- Each request has an intended send time on a fixed schedule; its latency is counted from that
-- time, not from when wrk managed to send it, so a slow response that delays the requests behind
-- it on its connection is charged to all of them (no coordinated omission). The first
-- BENCH_WARMUP seconds are sent but not counted.
--
-- Environment: BENCH_TOKEN (user JWT), BENCH_RATE (requests/s, all threads together),
-- BENCH_WARMUP and BENCH_SECONDS (seconds), BENCH_THREADS (must equal wrk's -t and -c).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *ts);
]]
local ts = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC: one clock for every thread
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local rate = tonumber(os.getenv("BENCH_RATE") or "200")
local warmup = tonumber(os.getenv("BENCH_WARMUP") or "20")
local seconds = tonumber(os.getenv("BENCH_SECONDS") or "60")
local threads = tonumber(os.getenv("BENCH_THREADS") or "16")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")

-- main state -------------------------------------------------------------------------------
local all = {}
local start = now_us() + 1000000 -- every thread follows one schedule, from 1 s after start

function setup(thread)
  thread:set("id", #all)
  thread:set("origin", start)
  table.insert(all, thread)
end

-- thread states (id and origin set by setup) ----------------------------------------------
local interval = threads * 1000000 / rate -- per thread, in µs
local per_thread = math.floor((warmup + seconds) * rate / threads)
local warm = math.floor(warmup * rate / threads)
local k = 0
latencies = {}
windows = {} -- windows[i]: the 10 s window of the measured part latencies[i] was sent in
non200 = 0

local function intended(i)
  return origin + i * interval + id * 1000000 / rate
end

function delay()
  if k >= per_thread then
    return 3600000 -- schedule done: stay idle until wrk stops
  end
  local wait = (intended(k) - now_us()) / 1000
  return wait > 0 and math.ceil(wait) or 0 -- never early: lateness counts against us
end

function response(status, headers, body)
  local t = now_us()
  if k >= warm and k < per_thread then
    latencies[#latencies + 1] = t - intended(k)
    windows[#windows + 1] = math.floor((k - warm) * interval / 10000000) + 1
  end
  if status ~= 200 then
    non200 = non200 + 1
  end
  k = k + 1
end

-- report (main state) ----------------------------------------------------------------------
function done(summary, latency, requests)
  local l = {}
  local by_window = {}
  local failed = 0
  for _, thread in ipairs(all) do
    local values = thread:get("latencies")
    local in_window = thread:get("windows")
    for i, v in ipairs(values) do
      l[#l + 1] = v
      local w = in_window[i]
      by_window[w] = by_window[w] or {}
      table.insert(by_window[w], v)
    end
    failed = failed + thread:get("non200")
  end
  local function quantile(sorted, p)
    if #sorted == 0 then return 0 end
    return sorted[math.max(1, math.ceil(p * #sorted))] / 1000
  end
  -- where the tail is: per 10 s window of the measured part
  local w = 1
  while by_window[w] do
    local part = by_window[w]
    table.sort(part)
    io.write(string.format("latency: window %3d-%3d s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms\n",
      (w - 1) * 10, w * 10, #part, quantile(part, 0.5), quantile(part, 0.99), quantile(part, 1.0)))
    w = w + 1
  end
  table.sort(l)
  local function q(p)
    return quantile(l, p)
  end
  local expected = (per_thread - warm) * threads
  local e = summary.errors
  io.write(string.format(
    "latency: GET /onboarding/vips?limit=50 at %d req/s, open model (from intended send time),"
      .. " %d s warm-up then %d s: n=%d of %d scheduled, p50=%.1f ms p90=%.1f ms p99=%.1f ms"
      .. " p99.9=%.1f ms max=%.1f ms; non-200=%d, socket errors connect=%d read=%d write=%d"
      .. " timeout=%d (target p99 < 50 ms)\n",
    rate, warmup, seconds, #l, expected, q(0.50), q(0.90), q(0.99), q(0.999), q(1.0), failed,
    e.connect, e.read, e.write, e.timeout))
end
