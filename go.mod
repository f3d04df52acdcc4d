module github.com/vpcreach/vpcreach

go 1.26.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/google/gonids v0.0.0-20260807222717-2d812602b65f
	github.com/hashicorp/hcl/v2 v2.25.0
	go4.org/netipx v0.0.0-20260823151212-3075585bcbeb
)

require (
	github.com/agext/levenshtein v1.2.3 // indirect
	github.com/apparentlymart/go-textseg/v15 v15.0.0 // indirect
	github.com/apparentlymart/go-textseg/v17 v17.0.1 // indirect
	github.com/mitchellh/go-wordwrap v1.0.1 // indirect
	github.com/zclconf/go-cty v1.19.0 // indirect
	golang.org/x/mod v0.29.0 // indirect
	golang.org/x/sync v0.18.0 // indirect
	golang.org/x/text v0.31.0 // indirect
	golang.org/x/tools v0.38.0 // indirect
)
