// Reference server for benchmarks: a stock gRPC C++ (Debian's libgrpc++) synchronous server that
// serves rx.v1.Prescriptions/Get from an in-memory map with the same schema (Protos/) and the same
// mutual-TLS setup as rx-server, so rx-loadgen can measure both on the same machine, one after the
// other. It is a measuring stick, not a product: no storage, no audit, no role table (any
// certificate the facility CA issued may call it).
//
//   reference-server --port P --certs Certs/dev --fixtures FILE
//
// FILE holds one "code<TAB>base64(GetPrescriptionResponse)" line per prescription, written by
// `rx-loadgen --fixtures-out`, so both servers return byte-identical answers.

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>

#include <grpcpp/grpcpp.h>

#include "rx/v1/prescriptions.grpc.pb.h"

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string DecodeBase64(const std::string& text) {
  static const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int bits = 0;
  unsigned value = 0;
  for (char c : text) {
    auto index = alphabet.find(c);
    if (index == std::string::npos) continue;
    value = (value << 6) | static_cast<unsigned>(index);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((value >> bits) & 0xFF));
    }
  }
  return out;
}

class PrescriptionsService final : public rx::v1::Prescriptions::Service {
 public:
  explicit PrescriptionsService(const std::string& fixtures) {
    std::istringstream lines(ReadFile(fixtures));
    std::string line;
    while (std::getline(lines, line)) {
      auto tab = line.find('\t');
      if (tab == std::string::npos) continue;
      rx::v1::GetPrescriptionResponse response;
      if (!response.ParseFromString(DecodeBase64(line.substr(tab + 1)))) {
        std::cerr << "bad fixture for " << line.substr(0, tab) << "\n";
        std::exit(2);
      }
      by_code_.emplace(line.substr(0, tab), std::move(response));
    }
    std::cerr << "loaded " << by_code_.size() << " prescriptions\n";
  }

  grpc::Status Get(grpc::ServerContext*, const rx::v1::GetPrescriptionRequest* request,
                   rx::v1::GetPrescriptionResponse* response) override {
    auto found = by_code_.find(request->code());
    if (found == by_code_.end()) {
      return grpc::Status(grpc::StatusCode::NOT_FOUND, "no prescription " + request->code());
    }
    *response = found->second;
    return grpc::Status::OK;
  }

 private:
  std::unordered_map<std::string, rx::v1::GetPrescriptionResponse> by_code_;
};

}  // namespace

int main(int argc, char** argv) {
  std::string port = "50052", certs = "Certs/dev", fixtures;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--port") port = argv[i + 1];
    else if (flag == "--certs") certs = argv[i + 1];
    else if (flag == "--fixtures") fixtures = argv[i + 1];
  }
  if (fixtures.empty()) {
    std::cerr << "usage: reference-server --port P --certs DIR --fixtures FILE\n";
    return 2;
  }
  grpc::SslServerCredentialsOptions tls(GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  tls.pem_root_certs = ReadFile(certs + "/ca.crt");
  tls.pem_key_cert_pairs.push_back({ReadFile(certs + "/server.key"), ReadFile(certs + "/server.crt")});

  PrescriptionsService service(fixtures);
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:" + port, grpc::SslServerCredentials(tls));
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server) {
    std::cerr << "cannot listen on 127.0.0.1:" << port << "\n";
    return 1;
  }
  std::cerr << "reference server on 127.0.0.1:" << port << "\n";
  server->Wait();
  return 0;
}
