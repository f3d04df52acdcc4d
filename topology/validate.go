package topology

// validate runs the checks that involve more than one resource, on the
// resolved and linked model. Every check tolerates nil references left by
// earlier errors.
func (l *loader) validate(d *decls) {
	l.validateVPCs(d)
	l.validateSubnets(d)
	l.assumeAddresses(d)
	l.validateAddresses(d)
	l.validateRouteTables(d)
	l.validateGateways(d)
	l.validateTransit(d)
	l.validateFirewalls(d)
}
