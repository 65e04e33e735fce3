# Sourced by the test scripts: the server's scale-out tests start their own redis-server (Debian's
# package) on a free loopback port. Installs it when running as root with apt-get; otherwise stops
# with one line saying how.
if ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo 'redis-server not found: installing Debian package redis-server (apt-get)...'
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
    # The package starts a system service on port 6379; the tests do not use it.
    (command -v service >/dev/null && service redis-server stop >/dev/null 2>&1) || true
  else
    echo 'redis-server is needed for the server tests: install it (sudo apt-get install redis-server).' >&2
    exit 1
  fi
fi
