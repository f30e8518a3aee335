-- Prints p50 and p95 in milliseconds (wrk's own --latency table has no 95th percentile).
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f\np95 %.2f\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
