# test-usage.sh — vigie-cli with no command, unknown commands and options, --help, --version.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/common.sh"

# No command: usage on stderr, exit 2.
run
expect_status 2
expect_err "Usage:"
expect_err "Name a command"
expect_empty_out

run frobnicate
expect_status 2
expect_err "“frobnicate” is not a vigie-cli command"
expect_err "Usage:"

run --no-such-option
expect_status 2
expect_err "Usage:"

run --database
expect_status 2

run --version
expect_status 0
expect_out "vigie-cli 0.1.0"

# --help of the tool lists the commands that exist, and only those.
run --help
expect_status 0
expect_out "Usage:"
for command in init demo import check backup export figures; do
  expect_out "  $command "
done
expect_out "--database"

# --help of every command.
for command in init demo import check backup export; do
  run "$command" --help
  expect_status 0
  expect_out "vigie-cli $command"
  expect_out "--database"
done
run demo --help
expect_out "--sites"
expect_out "--findings"
expect_out "--seed"
run import factories --help
expect_status 0
expect_out "vigie-cli import factories"
expect_out "--dry-run"
expect_out "number_of_workers"
run backup --help
expect_out "--force"

# Options in the wrong place or unknown to a command.
run check --sites 3
expect_status 2
expect_err "Usage:"
run init extra
expect_status 2
expect_err "“init” takes no arguments"

finish
