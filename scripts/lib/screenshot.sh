# Sourced by the screenshot-*.sh scripts: what each needs before rendering its pages.
#
#   screenshot_setup NAME     (run from the repository root)
#
# Defines fail (one line naming NAME, exit 1), finds Chromium (`browser`) and a CJK font,
# installing both with apt-get when missing and running as root, and finds the dchain
# binary (`bin`: DCHAIN_BIN, else the debug build, built if needed).
fail() { echo "$screenshot_name: $*" >&2; exit 1; }

screenshot_setup() {
    screenshot_name=$1
    browser=$(command -v chromium || command -v chromium-browser || true)
    if [ -z "$browser" ] || ! fc-list 2>/dev/null | grep -qiE 'CJK|WenQuanYi|Droid Sans Fallback'; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "installing chromium and a CJK font..." >&2
            DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei >&2
            browser=$(command -v chromium)
        fi
    fi
    [ -n "$browser" ] || fail "chromium is not installed (apt-get install --no-install-recommends chromium, as root)"

    bin=${DCHAIN_BIN:-}
    if [ -z "$bin" ]; then
        swift build --product dchain >&2
        bin="$(swift build --show-bin-path)/dchain"
    fi
    [ -x "$bin" ] || fail "dchain binary not found: $bin"
}
