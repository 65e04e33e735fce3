# Sourced by the test scripts: finds Chromium for the browser tests, or installs Debian's package when
# running as root with apt-get; otherwise stops with one line saying how.
find_chromium() {
  local c
  for c in "${CHROME_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/lib/chromium/chromium; do
    if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}
if ! CHROME_PATH=$(find_chromium); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo 'Chromium not found: installing Debian package chromium (apt-get)...'
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
    CHROME_PATH=$(find_chromium)
  else
    echo 'Chromium is needed for the browser tests: install it (sudo apt-get install chromium) or set CHROME_PATH.' >&2
    exit 1
  fi
fi
export CHROME_PATH
