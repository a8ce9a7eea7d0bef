// Package deploytest holds the Go tests of what deploy/ ships: the container
// image, the class hub (JupyterHub, its proxy and DockerSpawner, run for real
// on loopback) and the Kubernetes values. It has no non-test code.
//
// It is a package of its own, beside notebooktest and named like it, because
// these tests need things the notebook tests do not (a Docker daemon, the
// image, the hub's venv .venv-hub) and cost the most; `go test ./deploytest/`
// runs them alone, and go test runs them in parallel with the other
// packages. They live outside deploy/, which holds the deployment files only
// (the teacher reads it; the image is built from it).
//
//   - image_test.go: the image runs every notebook with no network and prints
//     notebooktest's numbers, a new user's first run taking every cell from
//     the image's cell-cache seed (image_seed_test.go); `docker run` serves
//     JupyterLab with a token and only the Go kernel;
//   - class_test.go: a class of students (EIF_CLASS_STUDENTS, default 10) on
//     the real hub at once: login, spawn, nbgitpuller, notebook 02 cold and
//     warm (p50, p95, memory, CPU), isolation, each student's cell cache in
//     their own home and the seed read-only, limits and mounts, a second
//     pull over a student's edit, nothing left after the servers stop;
//   - graded_test.go: the graded work through the real hub, as a teacher and
//     students do it (docs/exercises.md): release, fetch, submit, collect,
//     grade and feedback, sealed per student, an English then a French class;
//   - hub_preflight_test.go: the hub refuses to start with one message per
//     missing piece, and a failed spawn names its cause;
//   - hub_front_test.go: the hub as a class meets it on a network, started
//     once (NativeAuthenticator, nginx serving HTTPS, the proxy on its own)
//     for the checks of hub_tls_test.go (HTTPS, HSTS, cookies, a notebook
//     over HTTPS and WSS), hub_signup_test.go (sign-up, approval, 403s,
//     lockout), hub_load_test.go (30 logins within 10 s) and
//     hub_faults_test.go (hub restart, killed container, out of memory, full
//     home); hub_browser_test.go is a person's browser for them;
//   - sigint_test.go: the image's SIGINT wrapper makes a Jupyter server take
//     its GoNB kernel and gopls down with it;
//   - k8s_values_test.go: deploy/k8s/values.yaml against the Zero to
//     JupyterHub chart's schema and the single-server hub's settings;
//   - env_test.go: the repository's root and the notebooks' list.
//
// The tooling is in internal/: docker (the daemon, and the image built once
// per test binary with `make image`; EIF_TEST_IMAGE names it, default
// eif-notebooks:latest), hub (the hub's venv, the hub started for real, behind
// nginx if asked, its API, a kernel's websocket, a student's client
// deploy/hub/student.py), procs (the processes of the
// students' containers from /proc: kind, peak memory, CPU), stats (p50, p95),
// testenv and notebooks. The notebooks' own tests are in notebooktest.
package deploytest
