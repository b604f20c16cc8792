#!/usr/bin/env bash
# Writes the reference document in every Word-processing container LibreOffice can save, into
# fixtures/containers/ (run from the repository root; needs libreoffice-writer). The outputs are committed:
# LibreOffice stamps dates into them, so a rerun gives equal text but different bytes.
# WPS Office saves .wps/.wpt in Word's binary format; LibreOffice cannot write WPS's own format, so the .wps
# and .wpt fixtures are the .doc save under those names (what a WPS user's file holds today).
set -euo pipefail
src=fixtures/yutian-commerce-2025.docx
out=fixtures/containers
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
convert() { # filter extension
  soffice "-env:UserInstallation=file://$tmp/profile-$2" --headless --norestore \
    --convert-to "$2:$1" --outdir "$tmp" "$src" >/dev/null
  mv "$tmp/yutian-commerce-2025.$2" "$out/yutian-commerce-2025.$2"
}
convert "MS Word 2007 XML VBA" docm
convert "MS Word 2007 XML Template" dotx
convert "MS Word 97 Vorlage" dot
convert "writer8" odt
convert "Rich Text Format" rtf
convert "MS Word 97" doc
mv "$out/yutian-commerce-2025.doc" "$out/yutian-commerce-2025.wps"
cp "$out/yutian-commerce-2025.wps" "$out/yutian-commerce-2025.wpt"
