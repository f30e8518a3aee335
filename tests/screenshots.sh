#!/usr/bin/env bash
# Screenshots of every web desk page, as each role sees it, at desktop and phone width (docs/desk.md,
# "Screenshots"), written to artifacts/screenshots/ (or the folder given) for a person to look at. Runs the
# suite's own screenshot test against a fresh host with sample data, in the same headless Chromium the tests use.
#   bash tests/screenshots.sh [folder]
set -euo pipefail
cd "$(dirname "$0")/.."
folder=$(realpath -m "${1:-artifacts/screenshots}")
bash tests/run.sh --install-only
mkdir -p "$folder"
DESK_SCREENSHOTS="$folder" dotnet test tests/AgentHost.Tests --filter "FullyQualifiedName~DeskScreenshotTests" --nologo
echo "Screenshots: $folder ($(find "$folder" -name '*.png' | wc -l) pictures)"
