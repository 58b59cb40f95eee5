// init-replica-set.js, run by mongosh in the mongo-init service: initiates
// the replica set (once), waits until the member it is connected to is the
// primary, and creates or updates the application user. Idempotent.
//
// Environment: RS_NAME (default rs0), RS_MEMBERS (host:port,... the first one
// is preferred as primary), APP_USER, APP_PASSWORD, APP_DATABASE.

const rsName = process.env.RS_NAME || "rs0";
const members = (process.env.RS_MEMBERS || "").split(",").map((m) => m.trim()).filter(Boolean);
const appUser = process.env.APP_USER;
const appPassword = process.env.APP_PASSWORD;
const appDatabase = process.env.APP_DATABASE;
if (members.length === 0 || !appUser || !appPassword || !appDatabase) {
  throw new Error("init-replica-set: RS_MEMBERS, APP_USER, APP_PASSWORD and APP_DATABASE are required");
}

function initiated() {
  try {
    rs.status();
    return true;
  } catch (e) {
    if (e.codeName === "NotYetInitialized") {
      return false;
    }
    throw e;
  }
}

if (!initiated()) {
  rs.initiate({
    _id: rsName,
    members: members.map((host, i) => ({ _id: i, host: host, priority: i === 0 ? 2 : 1 })),
  });
  print(`init-replica-set: initiated ${rsName} with ${members.join(", ")}`);
}

const deadline = Date.now() + 5 * 60 * 1000;
while (!db.hello().isWritablePrimary) {
  if (Date.now() > deadline) {
    throw new Error("init-replica-set: no primary after 5 minutes");
  }
  sleep(1000);
}

const admin = db.getSiblingDB("admin");
const roles = [{ role: "readWrite", db: appDatabase }];
if (admin.getUser(appUser) === null) {
  admin.createUser({ user: appUser, pwd: appPassword, roles: roles });
  print(`init-replica-set: created user ${appUser}`);
} else {
  admin.updateUser(appUser, { pwd: appPassword, roles: roles });
  print(`init-replica-set: updated user ${appUser}`);
}
