#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (root only).
set -uo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" != "0" ]; then echo "Chromium missing and not root: cannot install" >&2; exit 1; fi
echo "== installing Debian's chromium for the browser tests" >&2
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/tmp/sif-chromium-install.log 2>&1 \
    || { echo "apt-get install chromium failed; see /tmp/sif-chromium-install.log" >&2; exit 1; }
