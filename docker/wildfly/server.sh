# WildFly for ./mediamill (sourced by it): the wildfly-dist archive from Maven Central, EclipseLink and the
# MariaDB driver added as modules, configured offline by mediamill.cli. Each instance keeps its own base
# directory ($MEDIAMILL_HOME/server: configuration/, deployments/, data/, log/).
# Defines what the launcher asks of a server: server_provision, server_configure, server_deploy,
# server_command, server_deployment_failure.

WILDFLY_VERSION=$(pom_property wildfly.version)
WILDFLY_HOME="$SERVER_DIR/wildfly-$WILDFLY_VERSION"
SERVER_LABEL="WildFly $WILDFLY_VERSION"
WILDFLY_CONFIG="$ROOT/docker/wildfly"

# Unpacks the dist and installs our modules: EclipseLink into WildFly's own org.eclipse.persistence module
# (next to its jipijapa adaptor), the MariaDB driver as org.mariadb.jdbc.
server_provision() {
  local eclipselink="$SERVER_DIR/module-jars/eclipselink-$(pom_property eclipselink.version).jar"
  local driver="$SERVER_DIR/module-jars/mariadb-java-client-$(pom_property mariadb.version).jar"
  if [ ! -x "$WILDFLY_HOME/bin/standalone.sh" ] || [ ! -f "$eclipselink" ] || [ ! -f "$driver" ]; then
    say "fetching WildFly $WILDFLY_VERSION, EclipseLink and the MariaDB driver from Maven Central"
    ensure_maven
    (cd "$ROOT" && mvn -q -B dependency:unpack@wildfly-dist dependency:copy@wildfly-modules)
  fi
  install_module "org/eclipse/persistence/main" "system/layers/base" "$eclipselink" eclipselink.jar
  install_module "org/mariadb/jdbc/main" "" "$driver" mariadb-java-client.jar
}

# Copies a jar and our module.xml into a module folder. The module.xml may name the dist's own jars by
# version (@WILDFLY_VERSION@); every resource-root it names must exist, so a version bump that renames a
# jar stops here instead of failing at deployment.
install_module() {
  local module=$1 layer=$2 jar=$3 jar_name=$4
  local target="$WILDFLY_HOME/modules/${layer:+$layer/}$module"
  mkdir -p "$target"
  # Written only when different: in an image the server's files are read-only to the user it runs as.
  cmp -s "$jar" "$target/$jar_name" || cp "$jar" "$target/$jar_name"
  local descriptor
  descriptor=$(sed "s/@WILDFLY_VERSION@/$WILDFLY_VERSION/g" "$WILDFLY_CONFIG/modules/${layer:+$layer/}$module/module.xml")
  [ "$(cat "$target/module.xml" 2>/dev/null)" = "$descriptor" ] || printf '%s\n' "$descriptor" > "$target/module.xml"
  local path
  for path in $(sed -n 's:.*<resource-root path="\([^"]*\)".*:\1:p' "$target/module.xml"); do
    [ -e "$target/$path" ] || die "module $module names $path, which WildFly $WILDFLY_VERSION does not have: update docker/wildfly/modules"
  done
}

# A fresh copy of the dist's configuration with mediamill.cli applied, redone only when the scripts, the
# server version, the database driver or whether there is a password change. data/, log/ and deployments/
# stay as they are.
server_configure() {
  local stamp_file="$BASE_DIR/.mediamill-config" stamp password=with-password
  [ -n "$MEDIAMILL_DB_PASSWORD" ] || password=no-password
  stamp=$(cat <(echo "$DB_DRIVER $WILDFLY_VERSION $password") "$WILDFLY_CONFIG"/*.cli | sha256sum | cut -d' ' -f1)
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ] && [ -f "$BASE_DIR/configuration/standalone.xml" ]; then
    return
  fi
  say "configuring WildFly in $BASE_DIR"
  mkdir -p "$BASE_DIR/deployments"
  rm -rf "$BASE_DIR/configuration"
  cp -r "$WILDFLY_HOME/standalone/configuration" "$BASE_DIR/configuration"
  JAVA_OPTS="-Djboss.server.base.dir=$BASE_DIR" "$WILDFLY_HOME/bin/jboss-cli.sh" \
    --file=<(echo "set dbdriver=$DB_DRIVER"; cat "$WILDFLY_CONFIG/mediamill.cli") \
    > "$MM_HOME/configure.log" 2>&1 || { cat "$MM_HOME/configure.log" >&2; die "WildFly configuration failed"; }
  if [ "$password" = no-password ]; then
    JAVA_OPTS="-Djboss.server.base.dir=$BASE_DIR" "$WILDFLY_HOME/bin/jboss-cli.sh" \
      --file="$WILDFLY_CONFIG/no-database-password.cli" >> "$MM_HOME/configure.log" 2>&1 \
      || { cat "$MM_HOME/configure.log" >&2; die "WildFly configuration failed"; }
  fi
  echo "$stamp" > "$stamp_file"
}

server_deploy() {
  rm -f "$BASE_DIR"/deployments/mediamill.war.*
  cp "$WAR" "$BASE_DIR/deployments/mediamill.war"
}

# WildFly's other ports (management, HTTPS) move with the HTTP port, so instances can run side by side.
# The transaction manager's node identifier must differ between nodes sharing a database and fit in 23 bytes:
# a digest of the node's name.
server_command() {
  local tx_node
  tx_node="mm-$(printf %s "$MEDIAMILL_NODE_NAME" | sha1sum | cut -c1-20)"
  SERVER_COMMAND=(env LAUNCH_JBOSS_IN_BACKGROUND=1 "$WILDFLY_HOME/bin/standalone.sh"
    "-Djboss.server.base.dir=$BASE_DIR" "-Djboss.socket.binding.port-offset=$((PORT - 8080))" "-b" "$BIND_ADDRESS"
    "-Djboss.tx.node.id=$tx_node")
}

# Prints why the deployment failed, if it did.
server_deployment_failure() {
  [ -f "$BASE_DIR/deployments/mediamill.war.failed" ] && cat "$BASE_DIR/deployments/mediamill.war.failed"
}
