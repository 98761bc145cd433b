"""The app benchmark writes its figures through the one results writer, keeping everyone else's."""

import json

from dashboard.app import bench_app


def test_figures_of_a_store_join_the_results_file(tmp_path):
    path = tmp_path / "results.json"
    path.write_text(json.dumps({"cores": 2, "pipeline_words_per_s": 5000.0, "two_process_speedup": 1.7,
                                "app": {"10k": {"rerun_p95_ms": 200.0}}}))
    bench_app.record("100k", {"rerun_p95_ms": 250.0, "payload_bytes": 90_000, "server_rss_mb": 500}, path=path)
    data = json.loads(path.read_text())
    assert data["pipeline_words_per_s"] == 5000.0 and data["two_process_speedup"] == 1.7 and data["cores"] == 2
    assert data["app"]["10k"] == {"rerun_p95_ms": 200.0}  # another size's figures stay
    assert data["app"]["100k"] == {"rerun_p95_ms": 250.0, "payload_bytes": 90_000, "server_rss_mb": 500}


def test_a_first_app_run_notes_the_cores(tmp_path):
    data = bench_app.record("seeds", {"rerun_p95_ms": 120.0}, path=tmp_path / "results.json")
    assert data["cores"] >= 1 and data["app"]["seeds"]["rerun_p95_ms"] == 120.0
