# Write the office's kea-dhcp4.conf to disk and push it to the server:
# check it with `kea-dhcp4 -t`, then ask the running daemon to reload.
# The push runs again whenever the rendered file's sha256 changes.

terraform {
  required_version = ">= 1.8"
  required_providers {
    kea   = { source = "keaform/kea" }
    local = { source = "hashicorp/local" }
  }
}

variable "host" {
  description = "SSH address of the DHCP server."
  type        = string
}

variable "ssh_user" {
  type    = string
  default = "root"
}

module "office" {
  source = "../quickstart"
}

resource "local_file" "kea_dhcp4" {
  filename        = "${path.root}/out/kea-dhcp4.conf"
  content         = module.office.kea_dhcp4_conf
  file_permission = "0640"
}

resource "terraform_data" "push" {
  triggers_replace = module.office.kea_dhcp4_sha256

  connection {
    type  = "ssh"
    host  = var.host
    user  = var.ssh_user
    agent = true
  }

  provisioner "file" {
    source      = local_file.kea_dhcp4.filename
    destination = "/etc/kea/kea-dhcp4.conf.new"
  }

  provisioner "remote-exec" {
    inline = [
      "kea-dhcp4 -t /etc/kea/kea-dhcp4.conf.new",
      "mv /etc/kea/kea-dhcp4.conf.new /etc/kea/kea-dhcp4.conf",
      "echo '{ \"command\": \"config-reload\" }' | socat - UNIX-CONNECT:/run/kea/kea4-ctrl-socket",
    ]
  }
}
