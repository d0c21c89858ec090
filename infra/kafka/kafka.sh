#!/usr/bin/env bash
# Local single-node Apache Kafka 3.9.1 broker (KRaft mode, no ZooKeeper, no Docker)
# for development and CI. Needs only Java 17+ and Maven (jars come from Maven Central).
#
#   bash infra/kafka/kafka.sh start|stop|restart|status|reset|smoke|logs
#
# Environment:
#   KAFKA_PORT             client port (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default 9093)
#   KAFKA_HEAP_OPTS        JVM heap (default "-Xmx512m -Xms512m")
#   KAFKA_START_TIMEOUT    seconds to wait for readiness (default 60)
#   KAFKA_STOP_TIMEOUT     seconds to wait after SIGTERM before SIGKILL (default 20)
#   JAVA_HOME              optional; otherwise java/javac from PATH
set -euo pipefail

KAFKA_VERSION=3.9.1
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
LIB_DIR="$SCRIPT_DIR/lib"
RUN_DIR="$SCRIPT_DIR/run"
DATA_DIR="$RUN_DIR/data"
POM="$SCRIPT_DIR/pom.xml"
TEMPLATE="$SCRIPT_DIR/server.properties"
LOG4J="$SCRIPT_DIR/log4j.properties"
CHECK_SRC="$SCRIPT_DIR/KafkaCheck.java"
TOOLS_DIR="$LIB_DIR/.tools"
LIB_MARKER="$LIB_DIR/.complete"
CONFIG="$RUN_DIR/server.properties"
PID_FILE="$RUN_DIR/kafka.pid"
OUT_FILE="$RUN_DIR/kafka.out"
LOG_FILE="$RUN_DIR/kafka.log"
CLUSTER_ID_FILE="$RUN_DIR/cluster.id"
LOCK_FILE="$RUN_DIR/.lock"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m -Xms512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-20}"
BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
LAUNCH_MS=""
LOG_OFFSET=0 # size of kafka.log / kafka.out before this start, to show only new lines
OUT_OFFSET=0

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  JAVA="$JAVA_HOME/bin/java"
  JAVAC="$JAVA_HOME/bin/javac"
else
  JAVA="$(command -v java || true)"
  JAVAC="$(command -v javac || true)"
fi

log() { printf '[kafka] %s\n' "$*"; }
err() { printf '[kafka] ERROR: %s\n' "$*" >&2; }
die() { err "$*"; exit 1; }

now_ms() { date +%s%3N; }
elapsed() { # elapsed <start_ms> -> "12.3"
  local d=$(($(now_ms) - $1))
  printf '%d.%d' $((d / 1000)) $(((d % 1000) / 100))
}

# ---------------------------------------------------------------- helpers

port_open() { # port_open <port>: something accepts TCP connections on 127.0.0.1:<port>
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

alive() { # alive <pid>: process exists and is not a zombie
  kill -0 "$1" 2>/dev/null || return 1
  local st
  st="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true)"
  [[ "$st" != Z ]]
}

# The pid from the pid file, if that process is alive and is our kafka.Kafka.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  [[ -n "$pid" ]] || return 1
  alive "$pid" || return 1
  # Guard against pid reuse: it must be a kafka.Kafka using this folder's config.
  if [[ -r "/proc/$pid/cmdline" ]]; then
    local cmd
    cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
    [[ "$cmd" == *kafka.Kafka*"$CONFIG"* ]] || return 1
  fi
  echo "$pid"
}

require_java() {
  [[ -n "$JAVA" ]] || die "java not found (need Java 17+; set JAVA_HOME or put java on PATH)"
}

lock_run_dir() { # serialise concurrent start/stop/reset calls
  mkdir -p "$RUN_DIR"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$LOCK_FILE"
    flock -w 180 9 || die "another kafka.sh is still busy (lock $LOCK_FILE)"
  fi
}

pom_sum() { sha256sum "$POM" | cut -d' ' -f1; }

lib_complete() {
  [[ -f "$LIB_MARKER" ]] || return 1
  [[ "$(head -n1 "$LIB_MARKER")" == "$(pom_sum)" ]] || return 1
  local jar
  while IFS= read -r jar; do
    [[ -s "$LIB_DIR/$jar" ]] || return 1
  done < <(tail -n +2 "$LIB_MARKER")
  [[ -s "$LIB_DIR/kafka_2.13-$KAFKA_VERSION.jar" && -s "$LIB_DIR/kafka-clients-$KAFKA_VERSION.jar" ]]
}

fetch_jars() {
  if lib_complete; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found: needed once to fetch the Kafka jars into $LIB_DIR"
  log "fetching Kafka $KAFKA_VERSION jars with Maven into $LIB_DIR (one-off, ~46 MB) ..."
  local t0
  t0="$(now_ms)"
  rm -rf "$LIB_DIR"
  mkdir -p "$LIB_DIR"
  mkdir -p "$RUN_DIR"
  # Output goes to a file (Debian's mvn 3.8 prints stray ANSI codes even with -B -q).
  if ! mvn -B -q -f "$POM" dependency:copy-dependencies -DoutputDirectory="$LIB_DIR" \
    >"$RUN_DIR/mvn.out" 2>&1 </dev/null; then
    tail -n 50 "$RUN_DIR/mvn.out" >&2
    rm -rf "$LIB_DIR"
    die "mvn dependency:copy-dependencies failed (is Maven Central reachable?); full output: $RUN_DIR/mvn.out"
  fi
  {
    pom_sum
    (cd "$LIB_DIR" && ls -1 -- *.jar)
  } >"$LIB_MARKER.tmp"
  mv "$LIB_MARKER.tmp" "$LIB_MARKER"
  lib_complete || die "jar download incomplete: $LIB_DIR lacks kafka_2.13-$KAFKA_VERSION.jar"
  log "fetched $(($(wc -l <"$LIB_MARKER") - 1)) jars in $(elapsed "$t0") s"
}

# Compile KafkaCheck.java once (kept in lib/.tools so `reset` does not drop it).
# Returns 1 when no javac is available; callers then fall back to port + log checks.
build_check_tool() {
  [[ -f "$TOOLS_DIR/KafkaCheck.class" && "$TOOLS_DIR/KafkaCheck.class" -nt "$CHECK_SRC" ]] && return 0
  [[ -n "$JAVAC" ]] || return 1
  rm -rf "$TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  "$JAVAC" -nowarn -d "$TOOLS_DIR" -cp "$LIB_DIR/*" "$CHECK_SRC" >"$RUN_DIR/javac.out" 2>&1 || {
    cat "$RUN_DIR/javac.out" >&2
    rm -rf "$TOOLS_DIR"
    return 1
  }
}

run_check_tool() {
  "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$TOOLS_DIR:$LIB_DIR/*" KafkaCheck "$@"
}

render_config() {
  local content
  content="$(<"$TEMPLATE")"
  # Quoted replacements: no '&' or '\' surprises from bash 5.2's patsub_replacement.
  content="${content//@KAFKA_PORT@/"$KAFKA_PORT"}"
  content="${content//@KAFKA_CONTROLLER_PORT@/"$KAFKA_CONTROLLER_PORT"}"
  content="${content//@DATA_DIR@/"$DATA_DIR"}"
  printf '# GENERATED by kafka.sh from %s - do not edit\n%s\n' "$TEMPLATE" "$content" >"$CONFIG.tmp"
  mv "$CONFIG.tmp" "$CONFIG"
}

kafka_java() { # JVM flags shared by the broker and StorageTool
  "$JAVA" -Dlog4j.configuration="file:$LOG4J" -Dkafka.logs.dir="$RUN_DIR" \
    -Djava.awt.headless=true -cp "$LIB_DIR/*" "$@"
}

format_storage() {
  local cid=""
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    # Already formatted: keep its cluster id, whatever cluster.id says.
    cid="$(sed -n 's/^cluster\.id=//p' "$DATA_DIR/meta.properties" | head -n1)"
  fi
  if [[ -z "$cid" && -s "$CLUSTER_ID_FILE" ]]; then
    cid="$(head -n1 "$CLUSTER_ID_FILE")"
  fi
  if [[ -z "$cid" ]]; then
    cid="$(kafka_java -Xmx128m kafka.tools.StorageTool random-uuid | tail -n1)"
    [[ -n "$cid" ]] || die "kafka.tools.StorageTool random-uuid printed nothing"
    log "generated cluster id $cid"
  fi
  echo "$cid" >"$CLUSTER_ID_FILE"
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    return 0 # StorageTool would only say "already formatted"; save a JVM start.
  fi
  mkdir -p "$DATA_DIR"
  local out
  if ! out="$(kafka_java -Xmx128m kafka.tools.StorageTool format -t "$cid" -c "$CONFIG" --ignore-formatted 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "formatting storage in $DATA_DIR failed"
  fi
  log "formatted storage in $DATA_DIR"
}

show_failure_logs() { # the last 50 lines this start attempt wrote to kafka.log and kafka.out
  local f off
  for f in "$LOG_FILE" "$OUT_FILE"; do
    off="$LOG_OFFSET"
    [[ "$f" == "$OUT_FILE" ]] && off="$OUT_OFFSET"
    printf '[kafka] ----- last 50 lines of %s (this start) -----\n' "$f" >&2
    if [[ -s "$f" ]] && (($(stat -c %s "$f") > off)); then
      tail -c +"$((off + 1))" "$f" | tail -n 50 >&2
    else
      printf '(nothing written)\n' >&2
    fi
  done
  printf '[kafka] -----\n' >&2
}

# ---------------------------------------------------------------- commands

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    if port_open "$KAFKA_PORT"; then
      log "running (pid $pid, 127.0.0.1:$KAFKA_PORT, logs $LOG_FILE)"
    else
      log "running (pid $pid) but 127.0.0.1:$KAFKA_PORT does not answer yet (starting or stopping)"
    fi
    return 0
  fi
  if port_open "$KAFKA_PORT"; then
    log "not running from $SCRIPT_DIR, but something else answers on 127.0.0.1:$KAFKA_PORT"
  else
    log "not running"
  fi
  return 3
}

# Wait until: process alive, port open, "Kafka Server started" logged, metadata request answered.
wait_ready() { # wait_ready <pid> <t0_ms>   (LOG_OFFSET: kafka.log size before this start)
  local pid="$1" t0="$2" offset="$LOG_OFFSET"
  local deadline=$(($(date +%s) + KAFKA_START_TIMEOUT))
  local have_port=0 have_log=0
  while :; do
    if ! alive "$pid"; then
      err "broker process $pid exited during start-up"
      show_failure_logs
      rm -f "$PID_FILE"
      return 1
    fi
    if ((have_port == 0)) && port_open "$KAFKA_PORT"; then
      have_port=1
    fi
    if ((have_log == 0)) && [[ -f "$LOG_FILE" ]] &&
      tail -c +"$((offset + 1))" "$LOG_FILE" 2>/dev/null | grep -q 'Kafka Server started'; then
      have_log=1
    fi
    if ((have_port && have_log)); then
      break
    fi
    if (($(date +%s) >= deadline)); then
      err "broker not ready after ${KAFKA_START_TIMEOUT}s (port open: $have_port, 'Kafka Server started' logged: $have_log)"
      abort_start "$pid"
      return 1
    fi
    sleep 0.25
  done
  local remaining=$((deadline - $(date +%s)))
  ((remaining < 5)) && remaining=5
  if build_check_tool; then
    local out
    if ! out="$(run_check_tool ready "$BOOTSTRAP" "$((remaining * 1000))" 2>&1)"; then
      err "$out"
      abort_start "$pid"
      return 1
    fi
    log "$out"
  else
    log "javac unavailable: readiness judged by open port + 'Kafka Server started' log line only"
  fi
  local detail=""
  [[ -n "$LAUNCH_MS" ]] && detail=" (JVM launch to ready: $(elapsed "$LAUNCH_MS") s)"
  log "broker ready on $BOOTSTRAP (pid $pid) - start-up took $(elapsed "$t0") s$detail"
}

remember_log_offsets() {
  LOG_OFFSET=0
  OUT_OFFSET=0
  [[ -f "$LOG_FILE" ]] && LOG_OFFSET="$(stat -c %s "$LOG_FILE")"
  [[ -f "$OUT_FILE" ]] && OUT_OFFSET="$(stat -c %s "$OUT_FILE")"
  return 0
}

cmd_start() {
  local t0 pid
  t0="$(now_ms)"
  lock_run_dir
  if pid="$(running_pid)"; then
    if port_open "$KAFKA_PORT"; then
      log "already running (pid $pid) on $BOOTSTRAP - nothing to do"
      return 0
    fi
    log "broker pid $pid is already starting; waiting for it"
    remember_log_offsets
    wait_ready "$pid" "$t0"
    return
  fi
  if port_open "$KAFKA_PORT"; then
    # Not ours; say whether it really is a Kafka broker when we can tell cheaply.
    if [[ -f "$TOOLS_DIR/KafkaCheck.class" && -n "$JAVA" ]] && lib_complete; then
      local out
      if out="$(run_check_tool ready "$BOOTSTRAP" 10000 2>&1)"; then
        log "a Kafka broker already answers on $BOOTSTRAP (not started from $SCRIPT_DIR; $out) - nothing to do"
        return 0
      fi
      die "127.0.0.1:$KAFKA_PORT is taken by something that does not answer as a Kafka broker ($out)"
    fi
    log "a broker already answers on $BOOTSTRAP (not started from $SCRIPT_DIR) - nothing to do"
    return 0
  fi
  if port_open "$KAFKA_CONTROLLER_PORT"; then
    die "controller port 127.0.0.1:$KAFKA_CONTROLLER_PORT is already in use (set KAFKA_CONTROLLER_PORT)"
  fi
  rm -f "$PID_FILE"

  require_java
  fetch_jars
  mkdir -p "$RUN_DIR" "$DATA_DIR"
  render_config
  format_storage
  # Compile the readiness checker now, not while the broker is starting (2 cores).
  build_check_tool || true

  remember_log_offsets
  log "starting Kafka $KAFKA_VERSION (KRaft, node 1) on $BOOTSTRAP, controller 127.0.0.1:$KAFKA_CONTROLLER_PORT"
  LAUNCH_MS="$(now_ms)"
  printf '\n===== %s kafka.sh start =====\n' "$(date -u '+%Y-%m-%dT%H:%M:%SZ')" >>"$OUT_FILE"
  # setsid + nohup: own session, survives the calling shell / CI step. The inner bash
  # writes its own pid and then execs java, so the pid file holds the JVM's pid.
  # shellcheck disable=SC2086,SC2016
  setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
    "$JAVA" $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$LOG4J" -Dkafka.logs.dir="$RUN_DIR" \
    -cp "$LIB_DIR/*" kafka.Kafka "$CONFIG" \
    >>"$OUT_FILE" 2>&1 </dev/null 9>&- &
  local i
  for i in $(seq 1 40); do
    [[ -s "$PID_FILE" ]] && break
    sleep 0.05
  done
  pid="$(tr -dc '0-9' <"$PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || die "could not launch java (no pid written to $PID_FILE); see $OUT_FILE"
  log "launched pid $pid; logs: $LOG_FILE (stdout/stderr: $OUT_FILE); waiting up to ${KAFKA_START_TIMEOUT}s"
  wait_ready "$pid" "$t0"
}

stop_pid() { # SIGTERM, wait KAFKA_STOP_TIMEOUT s, then SIGKILL
  local pid="$1"
  log "stopping pid $pid (SIGTERM, up to ${KAFKA_STOP_TIMEOUT}s) ..."
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(($(date +%s) + KAFKA_STOP_TIMEOUT))
  while alive "$pid"; do
    if (($(date +%s) >= deadline)); then
      log "still alive after ${KAFKA_STOP_TIMEOUT}s - sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      local j
      for j in $(seq 1 50); do
        alive "$pid" || break
        sleep 0.1
      done
      alive "$pid" && die "pid $pid survived SIGKILL"
      break
    fi
    sleep 0.2
  done
  return 0
}

# A start that timed out or failed its metadata check: don't leave a half-started broker.
abort_start() {
  local pid="$1"
  show_failure_logs
  if alive "$pid"; then
    stop_pid "$pid" >&2
  fi
  rm -f "$PID_FILE"
}

cmd_stop() {
  lock_run_dir
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    if port_open "$KAFKA_PORT"; then
      log "no broker started from $SCRIPT_DIR is running (something else answers on $BOOTSTRAP; left alone)"
    else
      log "not running - nothing to stop"
    fi
    return 0
  fi
  local t0
  t0="$(now_ms)"
  stop_pid "$pid"
  rm -f "$PID_FILE"
  log "stopped in $(elapsed "$t0") s"
}

cmd_reset() {
  cmd_stop
  log "deleting $RUN_DIR (data, logs, cluster id); keeping $LIB_DIR"
  rm -rf "$RUN_DIR"
  log "reset done"
}

cmd_smoke() {
  require_java
  lib_complete || die "jars missing - run '$0 start' first"
  mkdir -p "$RUN_DIR"
  build_check_tool || die "javac is needed for the smoke test"
  port_open "$KAFKA_PORT" || die "nothing answers on $BOOTSTRAP - run '$0 start' first"
  run_check_tool smoke "$BOOTSTRAP"
}

cmd_logs() {
  [[ -f "$LOG_FILE" ]] || die "no log yet at $LOG_FILE"
  tail -n "${1:-100}" "$LOG_FILE"
}

usage() {
  cat <<USAGE
Usage: $0 <command>
  start    start the broker in the background (idempotent) and wait until it is ready
  stop     stop the broker started from this folder (SIGTERM, then SIGKILL after ${KAFKA_STOP_TIMEOUT}s)
  restart  stop, then start
  status   print running / not running (exit 0 / 3)
  reset    stop and delete $RUN_DIR (topics, offsets, logs); keeps the jars in lib/
  smoke    create a topic, produce and consume 30 records, delete the topic
  logs [N] print the last N (100) lines of $LOG_FILE
Broker: $BOOTSTRAP (KAFKA_PORT), controller 127.0.0.1:$KAFKA_CONTROLLER_PORT (KAFKA_CONTROLLER_PORT)
USAGE
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart)
      cmd_stop
      cmd_start
      ;;
    status) cmd_status ;;
    reset) cmd_reset ;;
    smoke) cmd_smoke ;;
    logs) cmd_logs "$@" ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
