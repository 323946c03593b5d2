#!/usr/bin/env bash
# Installs what ActorGraph needs on a Debian machine with Swift on PATH, and nothing that is
# already there: Graphviz's C library and headers (libgvc, with the cairo/pango plugin that
# shapes Arabic), pkg-config, fonts with Arabic glyphs, and networkx for the export tests.
set -euo pipefail

packages=(libgraphviz-dev pkg-config fonts-dejavu-core fonts-noto-core)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6.1 or newer is needed)" >&2; exit 1; }

if ! python3 -c "import networkx" 2>/dev/null; then
    echo "setup: installing networkx (export tests)" >&2
    python3 -m pip install -q networkx >/dev/null
fi
