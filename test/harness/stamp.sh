# Hashes that tell setup.sh and install-consumer.sh whether a step's inputs changed (sourced).

# stamp_files <file>...: one hash of the names and contents of the files.
stamp_files() { sha1sum -- "$@" | sha1sum | cut -c1-40; }

# build_stamp: everything the TypeScript build reads: the sources of the package, the tests and the
# examples, the tsconfig files, and the installed packages (through the lock file).
build_stamp() {
  {
    find provider test examples -type f \( -name '*.ts' -o -name '*.js' -o -name '*.json' \) \
      -not -path '*/node_modules/*' -print
    find . -maxdepth 1 -name 'tsconfig*.json' -print
    echo package.json
    echo package-lock.json
  } | LC_ALL=C sort | tr '\n' '\0' | xargs -0 sha1sum | sha1sum | cut -c1-40
}
