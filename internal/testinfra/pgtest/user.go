package pgtest

import (
	"fmt"
	"os"
	"os/user"
	"strconv"
)

// serverUser is the OS user that runs initdb and postgres when we are root,
// since both refuse to run as root.
const serverUser = "postgres"

// osUser is a uid and gid to run the server as.
type osUser struct{ uid, gid uint32 }

// runAs returns the user to run the server as: nil (ourselves) unless we
// are root, in which case the serverUser account.
func runAs() (*osUser, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup(serverUser)
	if err != nil {
		// The binaries exist, so this is a broken set-up, not a reason to skip.
		return nil, fmt.Errorf("pgtest: running as root, and no %q user to run initdb and postgres as (they refuse root; the postgresql package creates it): %v", serverUser, err)
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("pgtest: user %q has non-numeric uid/gid %s/%s", serverUser, u.Uid, u.Gid)
	}
	return &osUser{uid: uint32(uid), gid: uint32(gid)}, nil
}
