# Payara Micro for ./mediamill (sourced by it): the payara-micro jar from Maven Central, run with this
# instance's root directory ($MEDIAMILL_HOME/server: config/, applications/, log/, ...) and configured at
# every boot by the asadmin commands in docker/payara. EclipseLink, JBatch, Jersey (with its multipart
# module) and Soteria are Payara's own; only the MariaDB driver is added.
# Defines what the launcher asks of a server: server_provision, server_configure, server_deploy,
# server_command, server_deployment_failure.

PAYARA_VERSION=$(pom_property payara.version)
PAYARA_JAR="$SERVER_DIR/payara-micro-$PAYARA_VERSION.jar"
PAYARA_DRIVER="$SERVER_DIR/module-jars/mariadb-java-client-$(pom_property mariadb.version).jar"
SERVER_LABEL="Payara Micro $PAYARA_VERSION"
PAYARA_CONFIG="$ROOT/docker/payara"

server_provision() {
  if [ ! -f "$PAYARA_JAR" ] || [ ! -f "$PAYARA_DRIVER" ]; then
    say "fetching Payara Micro $PAYARA_VERSION and the MariaDB driver from Maven Central"
    ensure_maven
    (cd "$ROOT" && mvn -q -B dependency:copy@payara-micro)
  fi
}

# The domain configuration is made afresh at every boot from Payara's default and our commands, so it always
# says what the environment says now; logs, deployments and the rest of the root directory stay.
server_configure() {
  mkdir -p "$BASE_DIR/log"
  rm -rf "$BASE_DIR/config"
  local schema=""
  case "$DB_DRIVER" in
    # JBatch's MySQL support switches its connections to a schema: the application's database.
    mariadb) schema=$(jdbc_database_name "$MEDIAMILL_DB_URL") ;;
    h2) schema=PUBLIC ;;
  esac
  cat "$PAYARA_CONFIG/datasource-$DB_DRIVER.asadmin" "$PAYARA_CONFIG/mediamill.asadmin" \
    | sed -e "s|@BIND_ADDRESS@|$BIND_ADDRESS|g" -e "s|@DB_SCHEMA@|$schema|g" > "$BASE_DIR/preboot.asadmin"
  sed "s|@SERVER_LOG@|$SERVER_LOG|g" "$PAYARA_CONFIG/logging.properties" > "$BASE_DIR/logging.properties"
}

# The database of a jdbc:mariadb://host:port/database?options URL.
jdbc_database_name() {
  local rest=${1#jdbc:mariadb://*/}
  rest=${rest%%\?*}
  [ -n "$rest" ] && [ "$rest" != "$1" ] || die "MEDIAMILL_DB_URL must name a database: jdbc:mariadb://host:port/database"
  echo "$rest"
}

server_deploy() {
  mkdir -p "$BASE_DIR/deployments"
  cp "$WAR" "$BASE_DIR/deployments/mediamill.war"
}

# No Hazelcast: each instance stands alone (several nodes share work through the database, not a data grid).
# The heap bound is WildFly's default (its standalone.conf), so the two servers run and compare alike.
server_command() {
  SERVER_COMMAND=(java -Xmx512m -jar "$PAYARA_JAR" --rootdir "$BASE_DIR" --port "$PORT"
    --nohazelcast --disablephonehome --prebootcommandfile "$BASE_DIR/preboot.asadmin"
    --addlibs "$PAYARA_DRIVER" --logproperties "$BASE_DIR/logging.properties"
    --contextroot / --deploy "$BASE_DIR/deployments/mediamill.war")
}

# Payara Micro keeps running when a deployment fails; its log says so.
server_deployment_failure() {
  grep -h -m 5 -E "Exception while loading the app|Deployment of .* failed|Exception during lifecycle processing" \
    "$CONSOLE_LOG" "$SERVER_LOG" 2>/dev/null
}
