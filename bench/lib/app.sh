# Starting and stopping OpenRMA for the benchmarks: the process in APP_PID. Sourced by bench/run and bench/startup.

# app_wait_healthy <port> <console file>: until /actuator/health says UP; if the process ends first, shows
# the end of its console output and stops the script
app_wait_healthy() {
  local port=$1 out=$2
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -50 "$out" >&2
      APP_PID=""
      log "OpenRMA did not start"
      exit 1
    fi
    sleep 0.05
  done
}

app_stop() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    for _ in $(seq 1 60); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
  fi
  APP_PID=""
}
