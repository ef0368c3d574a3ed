#!/usr/bin/env bash
# What needs root: Debian packages for data (libonnx-testdata, weka), scikit-learn and onnx for the interop tests
# (python3-sklearn, python3-onnx), sqlite3, and the servers that
# integration tests use (PostgreSQL 15 on 127.0.0.1:5432, RabbitMQ on 127.0.0.1:5672), started if not running.
# Idempotent: checks before installing (apt-get update at most once) and before starting.
# Not root and something missing: says what, and carries on (those tests skip, or fail under CI=true).
# Connection details and data paths go to ${HYBRIDAI_CACHE:-~/.cache/hybridai}/services.env, which eng/test.sh
# exports to the tests.
set -uo pipefail
cache="${HYBRIDAI_CACHE:-$HOME/.cache/hybridai}"
mkdir -p "$cache"
env_file="$cache/services.env"
{
  echo "HYBRIDAI_ONNX_TESTDATA=/usr/share/libonnx-testdata/data"
  echo "HYBRIDAI_WEKA_EXAMPLES=/usr/share/doc/weka/examples"
} > "$env_file.tmp"
packages=(libonnx-testdata weka sqlite3 postgresql rabbitmq-server python3-sklearn python3-onnx)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ $EUID -eq 0 ]]; then
    echo "setup-system: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "setup-system: apt-get install failed for ${missing[*]}" >&2
  else
    echo "setup-system: not root; missing Debian packages: ${missing[*]} (install them with: sudo apt-get install ${missing[*]})" >&2
  fi
fi

# The scikit-learn interop tests run Debian's Python (not one earlier on PATH, e.g. pyenv's, which lacks the packages).
if /usr/bin/python3 -c "import sklearn, onnx" >/dev/null 2>&1; then
  echo "HYBRIDAI_SKLEARN_PYTHON=/usr/bin/python3" >> "$env_file.tmp"
fi

# ONNX's StringNormalizer node tests need the en_US.UTF-8 locale (ONNX Runtime refuses the model without it).
if ! locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then
  if [[ $EUID -eq 0 ]] && command -v localedef >/dev/null 2>&1; then
    localedef -i en_US -f UTF-8 en_US.UTF-8 >/dev/null 2>&1 || echo "setup-system: could not generate the en_US.UTF-8 locale" >&2
  else
    echo "setup-system: the en_US.UTF-8 locale is missing (localedef -i en_US -f UTF-8 en_US.UTF-8)" >&2
  fi
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# PostgreSQL 15: start the default cluster and create the hybridai role and database.
if command -v pg_ctlcluster >/dev/null 2>&1 && [[ $EUID -eq 0 ]]; then
  if ! port_open 5432; then
    pg_ctlcluster 15 main start >/dev/null 2>&1 || service postgresql start >/dev/null 2>&1 || true
  fi
  for _ in $(seq 1 30); do port_open 5432 && break; sleep 1; done
  if port_open 5432; then
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='hybridai'\"" | grep -q 1 \
      || su postgres -c "psql -qc \"CREATE ROLE hybridai LOGIN PASSWORD 'hybridai'\"" >/dev/null
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='hybridai'\"" | grep -q 1 \
      || su postgres -c "createdb -O hybridai hybridai" >/dev/null
    echo "HYBRIDAI_POSTGRES_CONNECTION='Host=127.0.0.1;Port=5432;Username=hybridai;Password=hybridai;Database=hybridai'" >> "$env_file.tmp"
    echo "setup-system: PostgreSQL ready: Host=127.0.0.1;Port=5432;Username=hybridai;Password=hybridai;Database=hybridai"
  else
    echo "setup-system: PostgreSQL did not start" >&2
  fi
fi

# RabbitMQ: start detached if nothing listens on 5672.
if command -v rabbitmq-server >/dev/null 2>&1 && [[ $EUID -eq 0 ]]; then
  if ! port_open 5672; then
    rabbitmq-server -detached >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do port_open 5672 && break; sleep 1; done
  fi
  if port_open 5672; then
    echo "HYBRIDAI_RABBITMQ_URI=amqp://guest:guest@127.0.0.1:5672/" >> "$env_file.tmp"
    echo "setup-system: RabbitMQ ready: amqp://guest:guest@127.0.0.1:5672/"
  else echo "setup-system: RabbitMQ did not start" >&2; fi
fi
mv "$env_file.tmp" "$env_file"
exit 0
