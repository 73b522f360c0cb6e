#!/usr/bin/env bash
# Debian packages DigiTales uses (--test: and the tests); installs only what is missing, so it is cheap to re-run.
set -euo pipefail
PACKAGES=(
  ffmpeg                 # encoding, filters (libass subtitles, sidechaincompress, loudnorm), ffprobe
  festival festvox-ru    # Russian voice
  espeak-ng              # every other language
  fonts-paratype fonts-comfortaa fonts-dejavu-core  # fonts with Cyrillic
  coreutils              # stdbuf keeps festival answering line by line
  fluidsynth fluid-soundfont-gm  # plays the composer's score (FluidR3_GM soundfont)
  hunspell-ru hunspell-en-us  # dictionaries for the writer's spelling metrics (read by spylls)
  npm                    # installs the collage's clip-art (@iconify-json/fluent-emoji-flat)
  libcairo2              # cairosvg draws the clip-art with it
)
# --test: also what only the tests need
[ "${1:-}" = "--test" ] && PACKAGES+=(chromium)  # the web studio's end-to-end test drives it (through Playwright)
missing=()
for p in "${PACKAGES[@]}"; do
  # a Node.js from elsewhere (NodeSource, nvm) brings its own npm, and Debian's npm conflicts with it
  [ "$p" = npm ] && command -v npm >/dev/null && continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
echo "installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
