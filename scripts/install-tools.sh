#!/usr/bin/env bash
# Installs the reference tools the differential tests and benchmarks compare against
# (bcftools, tabix/bgzip, vcfanno, hyperfine) and the headless browser the HTML report test renders
# pages in (chromium), and Snakemake for the cohort workflow's CI test (workflow/), from Debian, only when missing.
set -euo pipefail
want=()
command -v bcftools >/dev/null 2>&1 || want+=(bcftools)
command -v bgzip >/dev/null 2>&1 || want+=(tabix)
command -v tabix >/dev/null 2>&1 || want+=(tabix)
command -v chromium >/dev/null 2>&1 || want+=(chromium)
command -v snakemake >/dev/null 2>&1 || want+=(snakemake)
if [ "${1:-}" = "--bench" ]; then
  command -v vcfanno >/dev/null 2>&1 || want+=(vcfanno)
  command -v hyperfine >/dev/null 2>&1 || want+=(hyperfine)
  [ -x /usr/bin/time ] || want+=(time)
fi
[ ${#want[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
