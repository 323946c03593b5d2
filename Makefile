# Shortcuts; the README's two commands work without make.
.PHONY: setup build graph test eval release

setup:
	scripts/setup.sh

build: setup
	swift build

graph: setup
	swift run actorgraph build seeds

test: setup
	swift test

release: setup
	swift build -c release

# Extraction quality on the dev set (needs ../shared/eval).
eval: release
	.build/release/actorgraph extract ../shared/eval/dev --format jsonl -o .build/dev.jsonl
	python3 ../shared/eval/score.py ../shared/eval/dev .build/dev.jsonl
