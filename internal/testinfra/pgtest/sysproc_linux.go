package pgtest

import "syscall"

// sysProcAttr runs the child as u (nil: as ourselves) and has the kernel
// send it SIGQUIT (PostgreSQL's immediate shutdown) if the test process dies
// first, so a killed test run leaves no server behind. Go sets the parent
// death signal after switching users, which would otherwise clear it.
func sysProcAttr(u *osUser) (*syscall.SysProcAttr, error) {
	attr := &syscall.SysProcAttr{Pdeathsig: syscall.SIGQUIT}
	if u != nil {
		attr.Credential = &syscall.Credential{Uid: u.uid, Gid: u.gid}
	}
	return attr, nil
}
