# Sourced by the scripts that keep a Python venv of their own under target/.

# pip_install VENV ARGS...: pip install into VENV, quiet and non-interactive.
pip_install() {
  local venv="$1"
  shift
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-input "$@"
}

# ensure_venv WHO VENV REQUIREMENTS: VENV with REQUIREMENTS installed, (re)made when
# missing or when REQUIREMENTS changed since (a hash stamp in the venv).
ensure_venv() {
  local who="$1" venv="$2" requirements="$3"
  local stamp="$venv/.edge-requirements.sha256" want
  want="$(sha256sum "$requirements" | cut -d' ' -f1)"
  if [[ ! -x "$venv/bin/python" ]] || [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
    echo "$who: pip install -r ${requirements#"$PWD"/} into $venv" >&2
    python3 -m venv "$venv"
    pip_install "$venv" -r "$requirements"
    echo "$want" >"$stamp"
  fi
}
