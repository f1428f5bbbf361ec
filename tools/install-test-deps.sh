#!/usr/bin/env bash
# Install what the test suite needs beyond Python: LibreOffice (the tests convert the report to
# PDF), the Liberation fonts (metric-compatible with Times New Roman), poppler-utils (pdfinfo,
# pdftotext) and Chromium (the page's tests drive it headless with Playwright; no browser is
# downloaded at test time); then the project with its test extras. Safe to run again: it skips
# what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Liberation Serif" || need+=(fonts-liberation)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${need[@]}"
fi
python -m pip install -q ".[test]"
