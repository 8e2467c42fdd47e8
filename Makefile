# WeakTies — quick start: `make demo`, `make test`.
SWIFT ?= swift
DEMO_DIR := Examples/krefeld-mg
OUT := out

.PHONY: deps pydeps rdeps browserdeps build release demo test bench screenshots docs fuzz test-sanitize clean

deps:
	@bash .ci/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product weakties

# Import and check the bundled example study, compute its metrics, draw maps and write the weak-tie report
# (HTML); results go to out/krefeld-mg/.
demo: release
	@mkdir -p $(OUT)/krefeld-mg
	$(SWIFT) run -c release --skip-build weakties validate $(DEMO_DIR)/ties.csv --nodes $(DEMO_DIR)/nodes.csv
	@$(SWIFT) run -c release --skip-build weakties validate $(DEMO_DIR)/ties.csv --nodes $(DEMO_DIR)/nodes.csv --json --quiet > $(OUT)/krefeld-mg/summary.json.tmp
	@mv $(OUT)/krefeld-mg/summary.json.tmp $(OUT)/krefeld-mg/summary.json
	$(SWIFT) run -c release --skip-build weakties metrics $(DEMO_DIR)/ties.csv --nodes $(DEMO_DIR)/nodes.csv --quiet \
		--attribute region --attribute partner_type --output $(OUT)/krefeld-mg/metrics.csv
	$(SWIFT) run -c release --skip-build weakties metrics $(DEMO_DIR)/ties.csv --nodes $(DEMO_DIR)/nodes.csv --quiet \
		--edges --output $(OUT)/krefeld-mg/tie-metrics.csv
	$(SWIFT) run -c release --skip-build weakties metrics $(DEMO_DIR)/ties.csv --nodes $(DEMO_DIR)/nodes.csv --quiet \
		--attribute region --attribute partner_type --format json --output $(OUT)/krefeld-mg/metrics.json
	$(SWIFT) run -c release --skip-build weakties render $(DEMO_DIR)/ties.csv --nodes $(DEMO_DIR)/nodes.csv --quiet \
		--title "Krefeld & Mönchengladbach" --output $(OUT)/krefeld-mg/study-map.svg
	$(SWIFT) run -c release --skip-build weakties render $(DEMO_DIR)/ties.csv --nodes $(DEMO_DIR)/nodes.csv --quiet \
		--ego "Repair-Café Cracau" --title "Repair-Café Cracau" --output $(OUT)/krefeld-mg/ego-repair-cafe-cracau.png
	$(SWIFT) run -c release --skip-build weakties report $(DEMO_DIR)/ties.csv --nodes $(DEMO_DIR)/nodes.csv --quiet \
		--output $(OUT)/krefeld-mg/report > /dev/null
	@echo "Demo output: $(abspath $(OUT)/krefeld-mg)/ (summary.json, metrics.csv, tie-metrics.csv, metrics.json, study-map.svg, ego-repair-cafe-cracau.png, report/)"
	@echo "Weak-tie report: $(abspath $(OUT)/krefeld-mg/report/index.html)"

# Screenshots of the demo report (index and one innovation page) with headless Chromium (Debian's
# `chromium`, installed here if missing); written to out/screenshots/. Docs/report-*.png are copies.
screenshots: demo
	@command -v chromium >/dev/null 2>&1 || bash .ci/install-deps chromium
	@mkdir -p $(OUT)/screenshots
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2200 \
		--screenshot=$(abspath $(OUT)/screenshots/index.png) $(abspath $(OUT)/krefeld-mg/report/index.html) 2>/dev/null
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2200 \
		--screenshot=$(abspath $(OUT)/screenshots/repair-cafe-cracau.png) $(abspath $(OUT)/krefeld-mg/report/repair-cafe-cracau.html) 2>/dev/null
	@echo "Screenshots: $(abspath $(OUT)/screenshots)/"

# Python peers the interoperability tests read our exports with (networkx, igraph); without network
# access they stay missing and those tests are skipped with a message.
pydeps:
	@python3 -c "import networkx, igraph, krippendorff, sklearn, statsmodels, lxml, openpyxl" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check networkx igraph krippendorff scikit-learn statsmodels lxml openpyxl 2>/dev/null \
		|| echo "install-deps: could not pip install networkx, igraph, krippendorff, scikit-learn, statsmodels, lxml, openpyxl; their reference tests will be skipped"

# R's sna (Debian's r-cran-sna, without recommended packages) for the QAP reference test; without
# apt or network the test is skipped with a message.
rdeps:
	@Rscript -e 'suppressMessages(library(sna))' >/dev/null 2>&1 || bash .ci/install-deps --no-recommends r-cran-sna >/dev/null 2>&1 \
		|| echo "install-deps: could not install r-cran-sna; the QAP reference test will be skipped"

# Headless Chromium and its driver (Debian's `chromium` and `chromium-driver`, without recommended
# packages), Selenium and axe-selenium-python (PyPI; it bundles axe-core) for the report's tests in a real
# browser; without apt, PyPI or network those tests are skipped with a message.
browserdeps:
	@command -v chromium >/dev/null 2>&1 || bash .ci/install-deps --no-recommends chromium >/dev/null 2>&1 \
		|| echo "install-deps: could not install chromium; the report's browser tests will be skipped"
	@command -v chromedriver >/dev/null 2>&1 || bash .ci/install-deps --no-recommends chromium-driver >/dev/null 2>&1 \
		|| echo "install-deps: could not install chromium-driver; the report's Selenium test will be skipped"
	@python3 -c "import selenium, axe_selenium_python" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check selenium axe-selenium-python 2>/dev/null \
		|| echo "install-deps: could not pip install selenium, axe-selenium-python; the report's Selenium test will be skipped"

test: deps pydeps rdeps browserdeps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Benchmarks against pandas/polars (import), igraph/NetworKit/networkx (metrics), networkx (GraphML) and the
# scripted report (pandas + networkx + sfdp + Jinja2), networkx for the matching scores; see Benchmarks/README.md.
bench: deps
	$(SWIFT) build -c release --product weakties
	$(SWIFT) build -c release --product weakties-bench
	python3 Benchmarks/compare_import.py
	python3 Benchmarks/compare_metrics.py
	python3 Benchmarks/compare_formats.py
	python3 Benchmarks/compare_report.py
	NX_HOLES_SAMPLE=$${NX_HOLES_SAMPLE:-200} python3 Benchmarks/compare_match.py
	python3 Benchmarks/compare_agree.py
	python3 Benchmarks/compare_timeline.py

# The API documentation: one DocC site for every module, with the articles of
# Sources/WeakTies/WeakTies.docc (getting started, import and provenance, metrics and weights, maps, the
# report, scripting a custom analysis) and the tutorial (getting started: load, measure, profile,
# export). Fails when a public declaration has no doc comment (Tools/doc_coverage.py). Static files: open out/docs/index.html through any web server
# (python3 -m http.server -d out/docs), or publish the folder.
DOC_TARGETS := WeakTies WeakTiesAnalysis WeakTiesStudy WeakTiesMetrics WeakTiesGraph WeakTiesIO WeakTiesRender WeakTiesReport
docs:
	$(SWIFT) package --allow-writing-to-directory $(OUT)/docs generate-documentation \
		$(foreach t,$(DOC_TARGETS),--target $(t)) --enable-experimental-combined-documentation \
		--transform-for-static-hosting --output-path $(OUT)/docs
	python3 Tools/doc_coverage.py
	@echo "Documentation: $(abspath $(OUT)/docs)/index.html (serve it: python3 -m http.server -d $(OUT)/docs, then http://localhost:8000/documentation/weakties)"

# Coverage-guided fuzzing of every reader with libFuzzer (Swift's toolchain carries it; AddressSanitizer
# on; leaks at exit are not findings), each target FUZZ_SECONDS long from the seed corpus in Fuzz/corpus (new inputs go to
# out/fuzz/<target>, findings to out/fuzz/<target>-crash-…; replay one with
# WEAKTIES_FUZZ_TARGET=<target> .build/debug/weakties-fuzz FILE). Limits: 2 GiB RSS, 10 s per input.
# Not part of `make test`. FUZZ_TARGETS picks readers: make fuzz FUZZ_TARGETS="dl pajek" FUZZ_SECONDS=600
FUZZ_SECONDS ?= 120
FUZZ_TARGETS ?= csv gephi-csv xlsx graphml gexf pajek dl json qda yaml
# Built with coverage instrumentation and libFuzzer's driver without its `main` (SwiftPM names the
# program's main itself; -sanitize=fuzzer would link a second one).
FUZZ_RUNTIME = $(firstword $(wildcard $(dir $(shell readlink -f $$(command -v swiftc)))../lib/swift/clang/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a))
fuzz:
	@test -n "$(FUZZ_RUNTIME)" || { echo "fuzz: libclang_rt.fuzzer_no_main not found beside swiftc (Swift's toolchain for Linux carries it)"; exit 1; }
	$(SWIFT) build --scratch-path .build-fuzz --product weakties-fuzz -Xswiftc -sanitize=address \
		-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xswiftc -DFUZZING \
		-Xlinker $(FUZZ_RUNTIME) -Xlinker -lstdc++
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(OUT)/fuzz/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		ASAN_OPTIONS=detect_leaks=0 WEAKTIES_FUZZ_TARGET=$$t .build-fuzz/debug/weakties-fuzz $(OUT)/fuzz/$$t Fuzz/corpus/$$t \
			-max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
			-artifact_prefix=$(OUT)/fuzz/$$t- -print_final_stats=1 2>&1 | grep -E "stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY|Test unit written" ; \
		ls $(OUT)/fuzz/$$t-* >/dev/null 2>&1 && { echo "fuzz: $$t found inputs that fail: $(OUT)/fuzz/$$t-*"; exit 1; } || true; \
	done

# The test suite under AddressSanitizer and ThreadSanitizer (the parallel metrics, readers and report
# writing), each in its own build folder; the CLI tests run the sanitized weakties too. Leak checking
# is off (the Swift runtime's caches live until exit); WEAKTIES_SANITIZER turns off the one test that
# measures resident memory. ThreadSanitizer reports every race and then fails the run (exit 66). Not part of `make test` (each build takes minutes).
test-sanitize: deps
	$(SWIFT) build --build-tests --scratch-path .build-asan --sanitize=address
	WEAKTIES_SANITIZER=address ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --scratch-path .build-asan --sanitize=address
	$(SWIFT) build --build-tests --scratch-path .build-tsan --sanitize=thread
	WEAKTIES_SANITIZER=thread $(SWIFT) test --skip-build --scratch-path .build-tsan --sanitize=thread

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan $(OUT) bench-out
