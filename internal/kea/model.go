package kea

// The input model. Every type mirrors one Terraform object kind; field tags
// are the HCL attribute names, so the provider can hand over any object of
// the same shape (a resource's state or a plain HCL object) as JSON. Pointer
// fields are optional: nil means "not set" and, where Kea has an inheritance
// chain, "inherit".

// Directories are the Kea build directories rendered paths are checked
// against and bare file names are completed with. Kea 3.0 accepts a socket,
// hook, lease file or log file only in the directory it was built with.
type Directories struct {
	ControlSocket *string `json:"control_socket"`
	Hooks         *string `json:"hooks"`
	Lease         *string `json:"lease"`
	Log           *string `json:"log"`
}

// Debian's and ISC's package defaults (amd64).
const (
	DefaultControlSocketDir = "/run/kea"
	DefaultHooksDir         = "/usr/lib/x86_64-linux-gnu/kea/hooks"
	DefaultLeaseDir         = "/var/lib/kea"
	DefaultLogDir           = "/var/log/kea"
)

// Defaults are the model defaults a server takes when it does not set a
// value: the NetBox plugin's PLUGINS_CONFIG model defaults.
type Defaults struct {
	ValidLifetime         int64
	MaxValidLifetime      int64
	ReservationsGlobal    bool
	ReservationsInSubnet  bool
	ReservationsOutOfPool bool
}

// BuiltinDefaults are used when neither the object nor the provider block
// sets a value.
var BuiltinDefaults = Defaults{
	ValidLifetime:         3600,
	MaxValidLifetime:      7200,
	ReservationsGlobal:    false,
	ReservationsInSubnet:  true,
	ReservationsOutOfPool: true,
}

// Server is a kea_dhcp_server.
type Server struct {
	Name                   string          `json:"name"`
	Family                 *int64          `json:"family"`
	Interfaces             []string        `json:"interfaces"`
	DHCPSocketType         *string         `json:"dhcp_socket_type"`
	ValidLifetime          *int64          `json:"valid_lifetime"`
	MinValidLifetime       *int64          `json:"min_valid_lifetime"`
	MaxValidLifetime       *int64          `json:"max_valid_lifetime"`
	RenewTimer             *int64          `json:"renew_timer"`
	RebindTimer            *int64          `json:"rebind_timer"`
	CalculateTeeTimes      *bool           `json:"calculate_tee_times"`
	T1Percent              *float64        `json:"t1_percent"`
	T2Percent              *float64        `json:"t2_percent"`
	DeclineProbationPeriod *int64          `json:"decline_probation_period"`
	Authoritative          *bool           `json:"authoritative"`
	MatchClientID          *bool           `json:"match_client_id"`
	ReservationsGlobal     *bool           `json:"reservations_global"`
	ReservationsInSubnet   *bool           `json:"reservations_in_subnet"`
	ReservationsOutOfPool  *bool           `json:"reservations_out_of_pool"`
	NextServer             *string         `json:"next_server"`
	ServerHostname         *string         `json:"server_hostname"`
	BootFileName           *string         `json:"boot_file_name"`
	LeaseDatabase          *LeaseDatabase  `json:"lease_database"`
	ControlSockets         []ControlSocket `json:"control_sockets"`
	HooksLibraries         []HookLibrary   `json:"hooks_libraries"`
	OptionData             []string        `json:"option_data"`
	ClientClasses          []string        `json:"client_classes"`
	UserContext            *string         `json:"user_context"`
	ExtraJSON              *string         `json:"extra_json"`
	Directories            *Directories    `json:"directories"`
	Address                *string         `json:"address"`
	HA                     *HAMembership   `json:"ha"`
	// DHCPv6 only.
	PreferredLifetime    *int64    `json:"preferred_lifetime"`
	MinPreferredLifetime *int64    `json:"min_preferred_lifetime"`
	MaxPreferredLifetime *int64    `json:"max_preferred_lifetime"`
	ServerID             *ServerID `json:"server_id"`
	MACSources           []string  `json:"mac_sources"`
	RelaySuppliedOptions []string  `json:"relay_supplied_options"`
}

// ServerID is a DHCPv6 server's DUID settings.
type ServerID struct {
	Type         string  `json:"type"`
	Identifier   *string `json:"identifier"`
	EnterpriseID *int64  `json:"enterprise_id"`
	HType        *int64  `json:"htype"`
	Persist      *bool   `json:"persist"`
}

// HAMembership places a server in a kea_ha_relationship.
type HAMembership struct {
	Relationship string `json:"relationship"`
	Role         string `json:"role"`
	Address      string `json:"address"`
	Port         int64  `json:"port"`
	TLS          *bool  `json:"tls"`
	AutoFailover *bool  `json:"auto_failover"`
}

// HARelationship is a kea_ha_relationship: the settings shared by the
// servers of one HA pair (or group).
type HARelationship struct {
	Name                    string            `json:"name"`
	Mode                    string            `json:"mode"`
	HeartbeatDelay          *int64            `json:"heartbeat_delay"`
	MaxResponseDelay        *int64            `json:"max_response_delay"`
	MaxAckDelay             *int64            `json:"max_ack_delay"`
	MaxUnackedClients       *int64            `json:"max_unacked_clients"`
	MaxRejectedLeaseUpdates *int64            `json:"max_rejected_lease_updates"`
	DelayedUpdatesLimit     *int64            `json:"delayed_updates_limit"`
	SendLeaseUpdates        *bool             `json:"send_lease_updates"`
	SyncLeases              *bool             `json:"sync_leases"`
	SyncTimeout             *int64            `json:"sync_timeout"`
	SyncPageLimit           *int64            `json:"sync_page_limit"`
	WaitBackupAck           *bool             `json:"wait_backup_ack"`
	RestrictCommands        *bool             `json:"restrict_commands"`
	MultiThreading          *HAMultiThreading `json:"multi_threading"`
	BasicAuthUser           *string           `json:"basic_auth_user"`
	BasicAuthPasswordFile   *string           `json:"basic_auth_password_file"`
	BasicAuthPasswordSecret *string           `json:"basic_auth_password_secret"`
	TrustAnchor             *string           `json:"trust_anchor"`
	CertFile                *string           `json:"cert_file"`
	KeyFile                 *string           `json:"key_file"`
	RequireClientCerts      *bool             `json:"require_client_certs"`
}

// HAMultiThreading is the HA hook's multi-threading map.
type HAMultiThreading struct {
	Enable                *bool  `json:"enable"`
	HTTPDedicatedListener *bool  `json:"http_dedicated_listener"`
	HTTPListenerThreads   *int64 `json:"http_listener_threads"`
	HTTPClientThreads     *int64 `json:"http_client_threads"`
}

// LeaseDatabase is the server's lease-database map. Only memfile is
// modelled; other back ends need hooks and go through extra_json.
type LeaseDatabase struct {
	Type        *string `json:"type"`
	Name        *string `json:"name"`
	Persist     *bool   `json:"persist"`
	LFCInterval *int64  `json:"lfc_interval"`
}

// ControlSocket is one entry of control-sockets: a unix socket, or an HTTP
// listener that becomes https when TLS files are given.
type ControlSocket struct {
	Type           string            `json:"type"`
	SocketName     *string           `json:"socket_name"`
	Address        *string           `json:"address"`
	Port           *int64            `json:"port"`
	TrustAnchor    *string           `json:"trust_anchor"`
	CertFile       *string           `json:"cert_file"`
	KeyFile        *string           `json:"key_file"`
	CertRequired   *bool             `json:"cert_required"`
	Authentication *HTTPAuth         `json:"authentication"`
	HTTPHeaders    map[string]string `json:"http_headers"`
}

// HTTPAuth is an HTTP control socket's basic authentication.
type HTTPAuth struct {
	Realm     *string      `json:"realm"`
	Directory *string      `json:"directory"`
	Clients   []HTTPClient `json:"clients"`
}

// HTTPClient is one user allowed on an HTTP control socket.
type HTTPClient struct {
	User string `json:"user"`
	// PasswordSecret names an entry of the renderer's secrets map holding
	// the password. Secrets travel apart from the objects so that only
	// documents that contain one become sensitive in Terraform.
	PasswordSecret *string `json:"password_secret"`
	PasswordFile   *string `json:"password_file"`
}

// HookLibrary is one entry of hooks-libraries.
type HookLibrary struct {
	Library    string  `json:"library"`
	Parameters *string `json:"parameters"`
}

// Subnet is a kea_subnet.
type Subnet struct {
	Server                string   `json:"server"`
	SubnetID              int64    `json:"subnet_id"`
	Prefix                string   `json:"prefix"`
	ValidLifetime         *int64   `json:"valid_lifetime"`
	MinValidLifetime      *int64   `json:"min_valid_lifetime"`
	MaxValidLifetime      *int64   `json:"max_valid_lifetime"`
	RenewTimer            *int64   `json:"renew_timer"`
	RebindTimer           *int64   `json:"rebind_timer"`
	OptionData            []string `json:"option_data"`
	ClientClass           *string  `json:"client_class"`
	AdditionalClasses     []string `json:"additional_classes"`
	ReservationsGlobal    *bool    `json:"reservations_global"`
	ReservationsInSubnet  *bool    `json:"reservations_in_subnet"`
	ReservationsOutOfPool *bool    `json:"reservations_out_of_pool"`
	ReservationsOnly      *bool    `json:"reservations_only"`
	RelayAddresses        []string `json:"relay_addresses"`
	VRF                   *string  `json:"vrf"`
	SharedNetwork         *string  `json:"shared_network"`
	Interface             *string  `json:"interface"`
	// DHCPv6 only.
	PreferredLifetime    *int64  `json:"preferred_lifetime"`
	MinPreferredLifetime *int64  `json:"min_preferred_lifetime"`
	MaxPreferredLifetime *int64  `json:"max_preferred_lifetime"`
	RapidCommit          *bool   `json:"rapid_commit"`
	InterfaceID          *string `json:"interface_id"`
	UserContext          *string `json:"user_context"`
	ExtraJSON            *string `json:"extra_json"`
}

// SharedNetwork is a kea_shared_network: subnets on one link that share
// settings and whose addresses a client may get from any of them.
type SharedNetwork struct {
	Server                string   `json:"server"`
	Name                  string   `json:"name"`
	Interface             *string  `json:"interface"`
	RelayAddresses        []string `json:"relay_addresses"`
	ValidLifetime         *int64   `json:"valid_lifetime"`
	MinValidLifetime      *int64   `json:"min_valid_lifetime"`
	MaxValidLifetime      *int64   `json:"max_valid_lifetime"`
	RenewTimer            *int64   `json:"renew_timer"`
	RebindTimer           *int64   `json:"rebind_timer"`
	OptionData            []string `json:"option_data"`
	ClientClass           *string  `json:"client_class"`
	AdditionalClasses     []string `json:"additional_classes"`
	ReservationsGlobal    *bool    `json:"reservations_global"`
	ReservationsInSubnet  *bool    `json:"reservations_in_subnet"`
	ReservationsOutOfPool *bool    `json:"reservations_out_of_pool"`
	UserContext           *string  `json:"user_context"`
	ExtraJSON             *string  `json:"extra_json"`
	// DHCPv6 only.
	PreferredLifetime    *int64  `json:"preferred_lifetime"`
	MinPreferredLifetime *int64  `json:"min_preferred_lifetime"`
	MaxPreferredLifetime *int64  `json:"max_preferred_lifetime"`
	RapidCommit          *bool   `json:"rapid_commit"`
	InterfaceID          *string `json:"interface_id"`
}

// PDPool is a kea_pd_pool: prefixes a DHCPv6 subnet delegates.
type PDPool struct {
	Subnet            string   `json:"subnet"`
	Prefix            string   `json:"prefix"`
	DelegatedLength   int64    `json:"delegated_length"`
	ExcludedPrefix    *string  `json:"excluded_prefix"`
	ClientClass       *string  `json:"client_class"`
	AdditionalClasses []string `json:"additional_classes"`
	OptionData        []string `json:"option_data"`
	UserContext       *string  `json:"user_context"`
	ExtraJSON         *string  `json:"extra_json"`
}

// Pool is a kea_pool: an address range in a subnet.
type Pool struct {
	Subnet            string   `json:"subnet"`
	Range             *string  `json:"range"`
	Start             *string  `json:"start"`
	End               *string  `json:"end"`
	ClientClass       *string  `json:"client_class"`
	AdditionalClasses []string `json:"additional_classes"`
	OptionData        []string `json:"option_data"`
	UserContext       *string  `json:"user_context"`
	ExtraJSON         *string  `json:"extra_json"`
}

// Reservation is a kea_reservation (a Kea host reservation).
type Reservation struct {
	Subnet    string  `json:"subnet"`
	HWAddress *string `json:"hw_address"`
	DUID      *string `json:"duid"`
	ClientID  *string `json:"client_id"`
	CircuitID *string `json:"circuit_id"`
	FlexID    *string `json:"flex_id"`
	IPAddress *string `json:"ip_address"`
	// DHCPv6 only.
	IPAddresses      []string `json:"ip_addresses"`
	Prefixes         []string `json:"prefixes"`
	ExcludedPrefixes []string `json:"excluded_prefixes"`
	Hostname         *string  `json:"hostname"`
	ClientClasses    []string `json:"client_classes"`
	OptionData       []string `json:"option_data"`
	NextServer       *string  `json:"next_server"`
	ServerHostname   *string  `json:"server_hostname"`
	BootFileName     *string  `json:"boot_file_name"`
	UserContext      *string  `json:"user_context"`
	ExtraJSON        *string  `json:"extra_json"`
}

// OptionDef is a kea_option_definition.
type OptionDef struct {
	Name        string   `json:"name"`
	Code        int64    `json:"code"`
	Type        string   `json:"type"`
	Array       *bool    `json:"array"`
	RecordTypes []string `json:"record_types"`
	Encapsulate *string  `json:"encapsulate"`
	Space       *string  `json:"space"`
	VendorSpace *string  `json:"vendor_space"`
}

// VendorOptionSpace is a kea_vendor_option_space: a vendor's sub-option
// space, delivered in option 43 or, with its IANA enterprise number, in
// option 125 (VIVSO).
type VendorOptionSpace struct {
	Name         string `json:"name"`
	EnterpriseID *int64 `json:"enterprise_id"`
}

// OptionData is a kea_option_data: one option value, named so that servers,
// subnets, pools, classes and reservations can refer to it.
type OptionData struct {
	Name       string   `json:"name"`
	Option     *string  `json:"option"`
	Code       *int64   `json:"code"`
	Space      *string  `json:"space"`
	Data       *string  `json:"data"`
	Values     []string `json:"values"`
	CSVFormat  *bool    `json:"csv_format"`
	AlwaysSend *bool    `json:"always_send"`
	NeverSend  *bool    `json:"never_send"`
	// Delivery is standard (default), option43 or vivso; the latter two
	// need VendorSpace.
	Delivery    *string `json:"delivery"`
	VendorSpace *string `json:"vendor_space"`
}

// ClientClass is a kea_client_class.
type ClientClass struct {
	Name                 string   `json:"name"`
	Test                 *string  `json:"test"`
	TemplateTest         *string  `json:"template_test"`
	OnlyInAdditionalList *bool    `json:"only_in_additional_list"`
	OptionData           []string `json:"option_data"`
	ValidLifetime        *int64   `json:"valid_lifetime"`
	MinValidLifetime     *int64   `json:"min_valid_lifetime"`
	MaxValidLifetime     *int64   `json:"max_valid_lifetime"`
	// DHCPv6 only.
	PreferredLifetime    *int64  `json:"preferred_lifetime"`
	MinPreferredLifetime *int64  `json:"min_preferred_lifetime"`
	MaxPreferredLifetime *int64  `json:"max_preferred_lifetime"`
	NextServer           *string `json:"next_server"`
	ServerHostname       *string `json:"server_hostname"`
	BootFileName         *string `json:"boot_file_name"`
	UserContext          *string `json:"user_context"`
	ExtraJSON            *string `json:"extra_json"`
}

// Estate is everything a renderer may draw from: the target server and any
// number of objects, of this server or of others.
type Estate struct {
	Server Server `json:"server"`
	// Servers are other servers: an HA member's partners, and servers
	// whose objects the lists hold. The target may be among them.
	Servers         []Server            `json:"servers"`
	HARelationships []HARelationship    `json:"ha_relationships"`
	VendorSpaces    []VendorOptionSpace `json:"vendor_option_spaces"`
	SharedNetworks  []SharedNetwork     `json:"shared_networks"`
	Subnets         []Subnet            `json:"subnets"`
	Pools           []Pool              `json:"pools"`
	PDPools         []PDPool            `json:"pd_pools"`
	Reservations    []Reservation       `json:"reservations"`
	OptionDefs      []OptionDef         `json:"option_definitions"`
	OptionData      []OptionData        `json:"option_data"`
	ClientClasses   []ClientClass       `json:"client_classes"`
	// Secrets are values written into the document where objects name
	// them (e.g. control socket passwords).
	Secrets map[string]string `json:"secrets"`
}
