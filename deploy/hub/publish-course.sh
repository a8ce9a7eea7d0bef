#!/usr/bin/env bash
# Publish the course for the students: this repository's HEAD without the
# graded assignments' sources (exercises/source/: their solutions and hidden
# tests), as the next commit of the branch BRANCH of the git repository DEST:
# the bare repository the hub mounts (EIF_COURSE_GIT_DIR; `make hub` uses
# this script), or the class's remote (EIF_COURSE_REPO). Each published
# commit's parent is the previous published one, never a commit of yours, so
# nothing a student clones (nbgitpuller clones the whole history) holds the
# sources. A HEAD whose course did not change publishes nothing.
#
#   deploy/hub/publish-course.sh DEST [BRANCH]
set -euo pipefail

dest=${1:?usage: deploy/hub/publish-course.sh DEST [BRANCH]}
branch=${2:-main}
cd "$(git rev-parse --show-toplevel)"

index=$(mktemp)
trap 'rm -f "$index"' EXIT
GIT_INDEX_FILE=$index git read-tree HEAD
GIT_INDEX_FILE=$index git rm -r -q --cached --ignore-unmatch exercises/source
tree=$(GIT_INDEX_FILE=$index git write-tree)

parent=
if remote=$(git ls-remote "$dest" "refs/heads/$branch" 2>/dev/null) && [ -n "$remote" ]; then
	git fetch --quiet "$dest" "refs/heads/$branch"
	parent=$(git rev-parse FETCH_HEAD)
	# A branch pushed before this script (make hub pushed HEAD) holds the
	# sources in its history: start a history of its own instead.
	if git cat-file -e "$parent:exercises/source" 2>/dev/null || git rev-list "$parent" -- exercises/source | grep -q .; then
		echo "== $dest ($branch) holds exercises/source in its history: replaced by a history without it"
		parent=
	fi
	if [ -n "$parent" ] && [ "$(git rev-parse "$parent^{tree}")" = "$tree" ]; then
		echo "== the course in $dest ($branch) is up to date"
		exit 0
	fi
fi
commit=$(GIT_AUTHOR_NAME=${GIT_AUTHOR_NAME:-EIF Notebooks} GIT_AUTHOR_EMAIL=${GIT_AUTHOR_EMAIL:-course@eif-notebooks.invalid} \
	GIT_COMMITTER_NAME=${GIT_COMMITTER_NAME:-EIF Notebooks} GIT_COMMITTER_EMAIL=${GIT_COMMITTER_EMAIL:-course@eif-notebooks.invalid} \
	git commit-tree "$tree" ${parent:+-p "$parent"} -m "course: $(git log -1 --format=%s HEAD | cut -c1-72)")
git push --quiet --force "$dest" "$commit:refs/heads/$branch"
echo "== published $(git rev-parse --short HEAD) to $dest ($branch) as $(git rev-parse --short "$commit"), without exercises/source"
