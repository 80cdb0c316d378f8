# Sourced by the check scripts: an isolated Python with one PyPI package.
#
#   python_with DIR IMPORTS PIPSPEC     e.g. python_with .build-ics icalendar icalendar
#
# Sets `python` to a venv under $root/DIR with PIPSPEC installed when IMPORTS
# (a Python import list) fails; without venv support, python3 with pip --user.
python_with() {
    python=python3
    if python3 -m venv "$root/$1/venv" >/dev/null 2>&1 || [ -x "$root/$1/venv/bin/python" ]; then
        python="$root/$1/venv/bin/python"
        "$python" -c "import $2" 2>/dev/null || "$python" -m pip install --quiet "$3" >&2
    else
        python3 -c "import $2" 2>/dev/null || python3 -m pip install --quiet --user "$3" >&2
    fi
}
