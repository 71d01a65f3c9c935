package s3trail

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestParseKey(t *testing.T) {
	at := time.Date(2026, 4, 1, 17, 5, 0, 0, time.UTC)
	tests := []struct {
		key                  string
		org, account, region string
		delivered            time.Time
		ok                   bool
	}{
		{"AWSLogs/111122223333/CloudTrail/us-east-1/2026/04/01/111122223333_CloudTrail_us-east-1_20260401T1705Z_abc.json.gz", "", "111122223333", "us-east-1", at, true},
		{"p/q/AWSLogs/o-exampleorgid/111122223333/CloudTrail/eu-west-1/2026/04/01/111122223333_CloudTrail_eu-west-1_20260401T1705Z_x.json.gz", "o-exampleorgid", "111122223333", "eu-west-1", at, true},
		{"AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2026/04/01/111122223333_CloudTrail-Insight_us-east-1_20260401T1705Z_abc.json.gz", "", "111122223333", "us-east-1", at, true},
		{"AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2026/04/01/111122223333_CloudTrail_us-east-1_20260401T1705Z_abc.json.gz", "", "111122223333", "us-east-1", time.Time{}, false},
		{"AWSLogs/111122223333/CloudTrail/us-east-1/2026/04/01/other.json.gz", "", "111122223333", "us-east-1", time.Time{}, false},
		{"AWSLogs/111122223333/CloudTrail/us-east-1/2026/04/01/111122223333_CloudTrail_us-east-1_2026X401T1705Z_x.json.gz", "", "111122223333", "us-east-1", time.Time{}, false},
		{"AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/04/01/111122223333_CloudTrail-Digest_us-east-1_t_20260401T1705Z.json.gz", "", "", "", time.Time{}, false},
		{"AWSLogs/1111/CloudTrail/us-east-1/2026/04/01/1111_CloudTrail_us-east-1_20260401T1705Z_x.json.gz", "", "", "", time.Time{}, false},
		{"logs/file.json", "", "", "", time.Time{}, false},
		{"", "", "", "", time.Time{}, false},
	}
	for _, tt := range tests {
		o, ok := ParseKey(tt.key)
		org, account, region, delivered := o.Organization, o.Account, o.Region, o.Delivered
		require.Equal(t, tt.key, o.Key)
		require.Equal(t, tt.ok, ok, tt.key)
		require.Equal(t, tt.org, org, tt.key)
		require.Equal(t, tt.account, account, tt.key)
		require.Equal(t, tt.region, region, tt.key)
		require.Equal(t, tt.delivered, delivered, tt.key)
	}
}

func FuzzParseKey(f *testing.F) {
	f.Add("AWSLogs/111122223333/CloudTrail/us-east-1/2026/04/01/111122223333_CloudTrail_us-east-1_20260401T1705Z_abc.json.gz")
	f.Add("x/AWSLogs/o-exampleorgid/111122223333/CloudTrail/r/2026/04/01/111122223333_CloudTrail_r_20260401T1705Z_")
	f.Add("AWSLogs/AWSLogs/")
	f.Fuzz(func(t *testing.T, key string) {
		o, ok := ParseKey(key)
		org, account, region, delivered := o.Organization, o.Account, o.Region, o.Delivered
		if account != "" {
			require.True(t, isAccount(account))
			require.Contains(t, key, "/"+account+"/CloudTrail")
			require.Contains(t, key, "/"+region+"/")
		}
		if org != "" {
			require.True(t, isOrganization(org))
			require.Contains(t, key, "AWSLogs/"+org+"/")
		}
		if ok {
			require.Contains(t, key, account+"_CloudTrail")
			require.Contains(t, key, "_"+region+"_"+delivered.Format("20060102T1504Z"))
			require.False(t, strings.Contains(region, "/"))
		} else {
			require.True(t, delivered.IsZero())
		}
	})
}
